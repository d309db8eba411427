//! The generator lexes its string literals from the strings' `Debug` form (`emit::lit`) rather than
//! escaping them with `proc_macro2::Literal::string`: the token must hold the same text for every
//! kind of character, not only those today's catalogue holds, and be spelt as proc-macro2 spells it.

#[allow(dead_code)]
#[path = "../codegen/mod.rs"]
mod codegen;

const TEXTS: [&str; 9] = [
    "",
    "plain text, with 'quotes' and (brackets) [2002]",
    "a \"quoted\" word and a back\\slash",
    "tab\tnew line\ncarriage return\r",
    "nul\0 nul before a digit \x007 and before an eight \x008",
    "del \x7f and escape \x1b",
    "en dash – é, combining acute e\u{301}, zero width\u{200b}joiner",
    "\u{301} a combining acute first",
    "emoji 🧬 and a private-use \u{e000}",
];

#[test]
fn string_literals_hold_the_text() {
    for text in TEXTS {
        let token = codegen::emit::lit(text).to_string();
        let parsed: syn::LitStr = syn::parse_str(&token).expect("a string literal");
        assert_eq!(parsed.value(), text, "{token}");
    }
}

#[test]
fn string_literals_are_spelt_as_proc_macro2_spells_them() {
    for text in TEXTS {
        assert_eq!(
            codegen::emit::lit(text).to_string(),
            proc_macro2::Literal::string(text).to_string(),
            "{text:?}"
        );
    }
}
