//! The phrase lists shipped with planlint, one data file each under `lexicon/`.

use std::sync::OnceLock;

use super::PhraseList;

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static PhraseList {
            static LIST: OnceLock<PhraseList> = OnceLock::new();
            LIST.get_or_init(|| PhraseList::parse(include_str!(concat!("lexicon/", $file))))
        }
    };
}

lexicon!(
    /// Talk of the business's own numbers: revenue, market share, number one.
    why_business,
    "why_business.txt"
);
lexicon!(
    /// Talk of the offer: products, prices, range.
    why_offer,
    "why_offer.txt"
);
lexicon!(
    /// Talk of a purpose or belief for people.
    why_purpose,
    "why_purpose.txt"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_list_has_cues() {
        for list in [why_business(), why_offer(), why_purpose()] {
            assert!(!list.is_empty());
        }
    }
}
