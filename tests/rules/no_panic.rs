//! No input makes mandat panic: random edits to the files of the base registry are loaded and
//! checked, and rendered in both formats, without a panic.

use mandat::i18n::Lang;
use proptest::prelude::*;

use crate::builder::*;

const FILES: &[&str] = &[
    "registry.toml",
    "organisations.toml",
    "people/sara-sor.toml",
    "groups/nat/group.toml",
    "groups/nat/members.toml",
    "groups/nat/meetings/2026-03-10.md",
    "groups/mun/group.toml",
    "groups/mun/members.toml",
    "groups/mun/meetings/2026-03-12-oppstart.md",
];

const PIECES: &[&str] = &[
    "",
    "\n",
    "\r\n",
    "+++",
    "+++\n",
    "\"",
    "[",
    "]",
    "[[member]]\n",
    "[[chair]]\n",
    "=",
    "{",
    "2025-02-30",
    "2026-13-01",
    "0000-01-01",
    "9999-12-31",
    "99999999999999999999",
    "-100000000000000",
    "100000000000000",
    "\u{feff}",
    "æøå",
    "../",
    "Helse Nord",
    "\t",
    "role = \"regional\"\n",
    "status = \"held\"\n",
    "ended = 2026-01-01\n",
    "x = 1\n",
    "dissolved = 2025-01-01\n",
    "01019012345",
    "é\u{301}",
    "\\u0000",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_never_panic(
        edits in proptest::collection::vec((0..FILES.len(), any::<prop::sample::Index>(), 0usize..40, 0..PIECES.len()), 1..4),
        at in prop_oneof![Just("2026-06-15"), Just("2020-01-01"), Just("2030-12-31")],
    ) {
        let reg = Reg::new();
        for (file, pos, cut, piece) in edits {
            let rel = FILES[file];
            let text = reg.read(rel);
            let mut start = pos.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let new = format!("{}{}{}", &text[..start], PIECES[piece], &text[end..]);
            reg.write(rel, &new);
        }
        let _ = reg.human(at, Lang::Nb);
        let _ = reg.json(at, Lang::En);
    }
}
