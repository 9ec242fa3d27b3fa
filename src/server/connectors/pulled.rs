//! What a pull brings back: records of the connector's kinds, in batches that say how they
//! meet what is stored.

use serde_json::{Map, Value};

/// One record: its id at the source and its fields, keyed as its kind describes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub id: String,
    pub fields: Map<String, Value>,
}

impl Record {
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            fields: Map::new(),
        }
    }

    /// The record with `key` set (nothing is stored for `None`).
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        let value = value.into();
        if !value.is_null() {
            self.fields.insert(key.to_owned(), value);
        }
        self
    }

    /// The value of `key`; null when it has none.
    pub fn get(&self, key: &str) -> &Value {
        self.fields.get(key).unwrap_or(&Value::Null)
    }

    pub fn text(&self, key: &str) -> Option<&str> {
        self.get(key).as_str()
    }
}

/// How a batch meets the records of its kind stored before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replacing {
    /// The batch is the whole list: stored records missing from it are gone at the source.
    Everything,
    /// The batch adds and updates; what it does not name stays.
    Nothing,
    /// The batch adds and updates; of the stored records, those with these ids stay and the
    /// others go (what they were about is gone).
    AllBut(Vec<String>),
}

/// Records of one kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub kind: &'static str,
    pub records: Vec<Record>,
    pub replacing: Replacing,
}

/// One pull's batches.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Pulled {
    pub batches: Vec<Batch>,
}

impl Pulled {
    pub fn add(&mut self, kind: &'static str, records: Vec<Record>, replacing: Replacing) {
        self.batches.push(Batch {
            kind,
            records,
            replacing,
        });
    }

    /// The records of `kind`, if pulled.
    pub fn records(&self, kind: &str) -> &[Record] {
        self.batches
            .iter()
            .find(|batch| batch.kind == kind)
            .map_or(&[], |batch| &batch.records)
    }
}
