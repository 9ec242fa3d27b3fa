//! A second source, for tests only: a pet shop whose API is a list held in memory. It goes
//! through the same seam as Better Stack (a catalog definition and a connector), so the
//! pages, storage, tables and downloads that work for it work for any source.

use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use plugboard::{
    domain::{
        api_token::ApiToken,
        catalog::{AuthField, CheckRequest, SourceDefinition},
        record_kinds::{Field, Format, RecordKind},
        token_reach::{Reach, TokenKind},
    },
    server::connectors::{
        Connector, Pace, PullContext, PullError, Pulled, Record, Replacing, TokenCheck,
    },
};

pub const FAKE_SOURCE: &str = "fake-pets";
/// The one token the shop takes.
pub const FAKE_TOKEN: &str = "pets-token-0000AAAA";

static PET_SHOP: SourceDefinition = SourceDefinition {
    id: FAKE_SOURCE,
    name: "Pet Shop",
    description: "Pets and their visits, from a shop that exists only in tests.",
    auth_fields: &[AuthField {
        name: "token",
        label: "API Token",
        secret: true,
    }],
    help: &[],
    check: CheckRequest {
        path: "/pets",
        query: &[],
    },
};

const KINDS: &[RecordKind] = &[
    RecordKind {
        key: "pets",
        label: "Pets",
        fields: &[
            Field::text("name", "Name"),
            Field::text("species", "Species"),
            Field::of("age_years", "Age", Format::Number, false),
        ],
        default_sort: "name",
        default_descending: false,
        kept_days: None,
    },
    RecordKind {
        key: "visits",
        label: "Visits",
        fields: &[
            Field::text("pet", "Pet"),
            Field::of("at", "At", Format::Time, false),
        ],
        default_sort: "at",
        default_descending: true,
        kept_days: None,
    },
];

/// A pet: id, name, species, age.
pub type Pet = (&'static str, &'static str, &'static str, i64);

/// The shop, with the pets a test gives it (and changes while it runs).
#[derive(Clone, Default)]
pub struct PetShop {
    pub pets: Arc<Mutex<Vec<Pet>>>,
    /// Pulls made, and whether each was asked to be complete.
    pub pulls: Arc<Mutex<Vec<bool>>>,
}

#[async_trait]
impl Connector for PetShop {
    fn source(&self) -> &'static SourceDefinition {
        &PET_SHOP
    }

    fn kinds(&self) -> &'static [RecordKind] {
        KINDS
    }

    async fn check(&self, _http: &reqwest::Client, token: &ApiToken, _pace: &Pace) -> TokenCheck {
        if token.expose() == FAKE_TOKEN {
            TokenCheck::Valid {
                reach: Reach::new(TokenKind::Unknown, ["Front desk".to_owned()]),
            }
        } else {
            TokenCheck::Rejected
        }
    }

    async fn pull(&self, cx: PullContext<'_>) -> Result<Pulled, PullError> {
        if cx.token.expose() != FAKE_TOKEN {
            return Err(PullError::Rejected);
        }
        self.pulls.lock().unwrap().push(cx.complete);
        (cx.on_page)();
        let pets: Vec<Pet> = self.pets.lock().unwrap().clone();
        let mut pulled = Pulled::default();
        let records = pets
            .iter()
            .map(|(id, name, species, age)| {
                Record::new(*id)
                    .with("name", *name)
                    .with("species", *species)
                    .with("age_years", *age)
            })
            .collect();
        pulled.add("pets", records, Replacing::Everything);
        let visits = pets
            .iter()
            .map(|(id, name, ..)| {
                Record::new(format!("visit-{id}"))
                    .with("pet", *name)
                    .with("at", "2026-11-30T10:00:00Z")
            })
            .collect();
        pulled.add("visits", visits, Replacing::Everything);
        Ok(pulled)
    }
}
