//! Written forms of names, shared by the build script and the resolver so that both fold a name the
//! same way: case, spaces (every Unicode white space), hyphens, dashes, dots, underscores, quotes,
//! the ® and ™ signs and `(R)` or `(TM)`, and the invisible characters that exports carry (zero-width
//! spaces and joiners, the byte-order mark, direction marks, soft hyphens) do not matter; full-width
//! letters and digits (`ＶＲｄ`) are their ASCII selves.

/// The longest folded name the resolver looks up. Every catalogue name fits (the build checks it);
/// longer input cannot match anything and is a miss.
pub const MAX_FOLDED: usize = 40;

/// Folds `input` into `out`: ASCII letters lower-cased, separators dropped, every other byte kept as
/// it is (so text outside the catalogue's alphabet simply fails to match); see [`unit`]. Returns the
/// folded length, or `None` when the folded form is longer than [`MAX_FOLDED`].
pub const fn fold(input: &[u8], out: &mut [u8; MAX_FOLDED]) -> Option<usize> {
    let mut i = 0;
    let mut n = 0;
    while i < input.len() {
        let (len, byte) = unit(input, i);
        i += len;
        let Some(byte) = byte else { continue };
        if n == MAX_FOLDED {
            return None;
        }
        out[n] = byte;
        n += 1;
    }
    Some(n)
}

/// The character (or `(R)` / `(TM)` mark) that starts at `s[i]`, folded: how many bytes it takes,
/// and the byte it stands for, `None` when it is dropped. A full-width form (U+FF01 to U+FF5E) stands for
/// its ASCII character; a byte that starts no known character is kept, one at a time.
#[inline]
pub const fn unit(s: &[u8], i: usize) -> (usize, Option<u8>) {
    let (len, byte) = plain_unit(s, i);
    if let Some(b'(') = byte {
        let mark = mark_len(s, i + len);
        if mark > 0 {
            return (len + mark, None);
        }
    }
    (len, byte)
}

/// [`unit`] without the `(R)` and `(TM)` marks.
#[inline]
pub const fn plain_unit(s: &[u8], i: usize) -> (usize, Option<u8>) {
    let skip = separator_len(s, i);
    if skip > 0 {
        return (skip, None);
    }
    if s[i] == 0xEF {
        let ascii = match (byte_at(s, i + 1), byte_at(s, i + 2)) {
            (0xBC, b @ 0x81..=0xBF) => b - 0x60,
            (0xBD, b @ 0x80..=0x9E) => b - 0x20,
            _ => 0,
        };
        if ascii != 0 {
            let folded = if separator_len(&[ascii], 0) == 1 {
                None
            } else {
                Some(ascii.to_ascii_lowercase())
            };
            return (3, folded);
        }
    }
    (1, Some(s[i].to_ascii_lowercase()))
}

/// The length of `r)` or `tm)` (in any case, full-width too, spaces allowed) at `s[i]`, the rest of
/// a `(R)` or `(TM)` mark whose `(` comes before `i`; 0 when there is none.
const fn mark_len(s: &[u8], i: usize) -> usize {
    let mut j = i;
    let mut seen = [0u8; 3];
    let mut n = 0;
    while j < s.len() && n < 3 {
        let (len, byte) = plain_unit(s, j);
        j += len;
        let Some(byte) = byte else { continue };
        seen[n] = byte;
        n += 1;
        match (n, seen) {
            (2, [b'r', b')', _]) | (3, [b't', b'm', b')']) => return j - i,
            (1, [b'r' | b't', ..]) | (2, [b't', b'm', _]) => {}
            _ => return 0,
        }
    }
    0
}

/// How many bytes of separator start at `s[i]`: ASCII white space, hyphen, dot, underscore and the
/// two quotes; in UTF-8, every other white space character, the soft hyphen, the Unicode hyphens and
/// dashes, the minus sign, ® and ™, typographic quotes and guillemets, and the invisible characters:
/// zero-width space, non-joiner and joiner, word joiner, invisible operators, the byte-order mark
/// (zero-width no-break space), and the direction marks, embeddings, overrides and isolates.
#[inline]
pub const fn separator_len(s: &[u8], i: usize) -> usize {
    match s[i] {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-' | b'.' | b'_' | b'"' | b'\'' => 1,
        // U+0085, U+00A0, U+00AB, U+00AD, U+00AE, U+00BB
        0xC2 if matches!(byte_at(s, i + 1), 0x85 | 0xA0 | 0xAB | 0xAD | 0xAE | 0xBB) => 2,
        // U+1680 ogham space mark
        0xE1 if byte_at(s, i + 1) == 0x9A && byte_at(s, i + 2) == 0x80 => 3,
        0xE2 => match (byte_at(s, i + 1), byte_at(s, i + 2)) {
            // U+2000 to U+200F: spaces, zero-width characters, direction marks; U+2010 to U+2015:
            // hyphens and dashes; U+2018 to U+201F: quotes; U+2028 to U+202F: line and paragraph
            // separators, embeddings and overrides, narrow no-break space; U+2039, U+203A.
            (0x80, 0x80..=0x95 | 0x98..=0x9F | 0xA8..=0xAF | 0xB9 | 0xBA) => 3,
            // U+205F medium mathematical space, U+2060 to U+2064 word joiner and invisible
            // operators, U+2066 to U+2069 isolates.
            (0x81, 0x9F..=0xA4 | 0xA6..=0xA9) => 3,
            // U+2122 ™, U+2212 minus sign.
            (0x84, 0xA2) | (0x88, 0x92) => 3,
            _ => 0,
        },
        // U+3000 ideographic space
        0xE3 if byte_at(s, i + 1) == 0x80 && byte_at(s, i + 2) == 0x80 => 3,
        // U+FEFF zero-width no-break space, the byte-order mark
        0xEF if byte_at(s, i + 1) == 0xBB && byte_at(s, i + 2) == 0xBF => 3,
        _ => 0,
    }
}

/// The byte at `i`, or 0 past the end.
const fn byte_at(s: &[u8], i: usize) -> u8 {
    if i < s.len() {
        s[i]
    } else {
        0
    }
}

/// The longest text [`edit_distance`] compares.
pub const MAX_COMPARED: usize = 64;

/// Optimal string alignment distance (Levenshtein plus transposition of neighbours) between two byte
/// strings, computed on the stack. `None` when either is longer than [`MAX_COMPARED`].
pub fn edit_distance(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len() > MAX_COMPARED || b.len() > MAX_COMPARED {
        return None;
    }
    let mut before = [0usize; MAX_COMPARED + 1];
    let mut previous = [0usize; MAX_COMPARED + 1];
    let mut current = [0usize; MAX_COMPARED + 1];
    for (j, cell) in previous.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        before = previous;
        previous = current;
    }
    Some(previous[b.len()])
}

/// Whether a candidate at `distance` edits from a text of `len` bytes is close enough to suggest:
/// one edit for short names, up to a third of the length for long ones.
pub const fn is_close(distance: usize, len: usize) -> bool {
    let allowed = if len / 3 > 1 { len / 3 } else { 1 };
    distance <= allowed
}

/// Words of eight bytes that hold the longest folded name.
const WORDS: usize = MAX_FOLDED.div_ceil(8);

/// The hash's odd constants: one per word (wyhash's secret), then two for the final mix (the golden
/// ratio and a splitmix64 multiplier).
const K: [u64; WORDS + 2] = [
    0xa076_1d64_78bd_642f,
    0xe703_7ed1_a0b4_28db,
    0x8ebc_6af0_9c88_c6e3,
    0x5899_65cc_7537_4cc3,
    0x1d8e_4e27_c47d_124f,
    0x9e37_79b9_7f4a_7c15,
    0xbf58_476d_1ce4_e5b9,
];

/// The folded multiply: the halves of the full 128-bit product, xored. Zero when `a` is zero.
const fn mum(a: u64, b: u64) -> u64 {
    let r = (a as u128).wrapping_mul(b as u128);
    (r as u64) ^ ((r >> 64) as u64)
}

/// Word `w` of `key`: its bytes `8 * w..8 * w + 8` as a little-endian integer, zero past the end.
pub const fn word(key: &[u8], w: usize) -> u64 {
    let mut bytes = [0u8; 8];
    let mut i = 0;
    while i < 8 && w * 8 + i < key.len() {
        bytes[i] = key[w * 8 + i];
        i += 1;
    }
    u64::from_le_bytes(bytes)
}

/// The resolver's hash of a folded name: each eight-byte word (see [`word`]) multiplied by a
/// constant of its own, the folded products xored together with the length, then mixed once more.
/// The words' products do not depend on each other, so they are computed side by side, and a zero
/// word adds nothing, so the resolver hashes a fixed number of words of a zeroed buffer with
/// [`hash_words`]. The build script searches for the seed that makes its table perfect.
pub const fn hash(seed: u64, key: &[u8]) -> u64 {
    let mut acc = key.len() as u64;
    let mut w = 0;
    while w * 8 < key.len() {
        acc ^= mum(word(key, w), K[w % WORDS] ^ seed);
        w += 1;
    }
    mum(acc ^ K[WORDS], K[WORDS + 1] ^ seed)
}

/// [`hash`] of a name of `len` bytes given as its words; words past the name must be zero.
pub const fn hash_words(seed: u64, words: &[u64], len: usize) -> u64 {
    let mut acc = len as u64;
    let mut w = 0;
    while w < words.len() {
        acc ^= mum(words[w], K[w % WORDS] ^ seed);
        w += 1;
    }
    mum(acc ^ K[WORDS], K[WORDS + 1] ^ seed)
}

/// The bucket of a hash, for a power-of-two number of buckets (`mask` is that number less one).
pub const fn bucket(h: u64, mask: usize) -> usize {
    (h >> 40) as usize & mask
}

/// The slot of a hash once its bucket's displacement pair `(d1, d2)` is known (the
/// hash-and-displace scheme of rust-phf), for a power-of-two number of slots.
pub const fn slot(h: u64, d1: u32, d2: u32, mask: usize) -> usize {
    let f1 = h as u32;
    let f2 = (h >> 20) as u32;
    d2.wrapping_add(f1.wrapping_mul(d1)).wrapping_add(f2) as usize & mask
}

/// The slot of a drug set's bits in a table of `1 << slots_log2` slots: multiply-shift hashing,
/// the top bits of the product. The build script searches for the multiplier that makes it perfect.
pub const fn set_slot(bits: u64, multiplier: u64, slots_log2: u32) -> usize {
    (bits.wrapping_mul(multiplier) >> (64 - slots_log2)) as usize
}

/// Byte-wise equality usable in `const fn`.
pub const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
