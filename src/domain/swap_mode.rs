use serde::{Deserialize, Serialize};

/// How a token swap was asked for: which button of the swap form was pressed. Its serde
/// names are the buttons' values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SwapMode {
    /// **Swap Token**: check the new token, then replace the credential's token. Without a
    /// button (Enter in the field) this is the swap asked for.
    #[default]
    Check,
    /// **Use a new credential for this connection only**, checked first.
    CheckNew,
    /// **Swap without checking** (the source could not answer), in place.
    Skip,
    /// **Swap without checking**, into a new credential.
    SkipNew,
}

impl SwapMode {
    const ALL: [SwapMode; 4] = [
        SwapMode::Check,
        SwapMode::CheckNew,
        SwapMode::Skip,
        SwapMode::SkipNew,
    ];

    /// The form value of its button.
    pub fn as_str(self) -> &'static str {
        match self {
            SwapMode::Check => "check",
            SwapMode::CheckNew => "check-new",
            SwapMode::Skip => "skip",
            SwapMode::SkipNew => "skip-new",
        }
    }

    /// The mode a kept form value names; anything else is a checked swap in place, the safe
    /// default (nothing is written before the source says the token works).
    pub fn parse(value: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|mode| mode.as_str() == value)
            .unwrap_or(SwapMode::Check)
    }

    /// Whether the new token is checked with the source first.
    pub fn checks(self) -> bool {
        matches!(self, SwapMode::Check | SwapMode::CheckNew)
    }

    /// Whether the token goes into a new credential for this connection only.
    pub fn only_this_connection(self) -> bool {
        matches!(self, SwapMode::CheckNew | SwapMode::SkipNew)
    }

    /// The same choice without the check: offered when the source could not answer.
    pub fn without_check(self) -> Self {
        if self.only_this_connection() {
            SwapMode::SkipNew
        } else {
            SwapMode::Skip
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_parses_from_its_own_form_value() {
        for mode in SwapMode::ALL {
            assert_eq!(SwapMode::parse(mode.as_str()), mode);
            let json = serde_json::to_string(&mode).unwrap();
            assert_eq!(json, format!("\"{}\"", mode.as_str()));
        }
    }

    #[test]
    fn an_unknown_value_is_a_checked_swap_in_place() {
        assert_eq!(SwapMode::parse(""), SwapMode::Check);
        assert_eq!(SwapMode::parse("skip-everything"), SwapMode::Check);
        assert!(SwapMode::parse("nonsense").checks());
    }

    #[test]
    fn without_check_keeps_where_the_token_goes() {
        assert_eq!(SwapMode::CheckNew.without_check(), SwapMode::SkipNew);
        assert_eq!(SwapMode::Check.without_check(), SwapMode::Skip);
        assert!(!SwapMode::SkipNew.checks());
        assert!(SwapMode::SkipNew.only_this_connection());
    }
}
