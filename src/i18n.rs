//! The reader's language. Every string the widget shows comes from here or from the sheet's own
//! bilingual text, so switching language changes everything at once.

/// A language the widget speaks. Vietnamese is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub enum Locale {
    #[default]
    Vi,
    En,
}

impl Locale {
    /// Reads a `lang` code such as `vi`, `en` or `en-GB`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Locale::Vi),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    /// Picks the string for this locale from a Vietnamese and an English one.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Locale::Vi => vi,
            Locale::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_codes() {
        assert_eq!(Locale::from_code("vi"), Some(Locale::Vi));
        assert_eq!(Locale::from_code("EN-gb"), Some(Locale::En));
        assert_eq!(Locale::from_code("fr"), None);
        assert_eq!(Locale::from_code(""), None);
        assert_eq!(Locale::default(), Locale::Vi);
    }
}
