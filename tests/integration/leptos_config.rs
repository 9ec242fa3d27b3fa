//! Leptos.toml (read by the server) and Cargo.toml's [package.metadata.leptos] (read by
//! cargo-leptos) may only share keys whose values agree.

use toml::Value;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

fn read(file: &str) -> toml::Table {
    let text = std::fs::read_to_string(format!("{REPO}/{file}")).unwrap();
    text.parse::<toml::Table>().unwrap()
}

#[test]
fn every_key_written_in_both_files_has_the_same_value() {
    let leptos_toml = read("Leptos.toml");
    let runtime = leptos_toml["package"]["metadata"]["leptos"]
        .as_table()
        .unwrap();
    let cargo_toml = read("Cargo.toml");
    let build = cargo_toml["package"]["metadata"]["leptos"]
        .as_table()
        .unwrap();

    let shared: Vec<&String> = runtime
        .keys()
        .filter(|key| build.contains_key(*key))
        .collect();
    assert!(
        shared.len() >= 4,
        "expected the site keys in both files, found {shared:?}"
    );
    for key in shared {
        assert_eq!(
            runtime[key], build[key],
            "'{key}' differs between Leptos.toml and Cargo.toml"
        );
    }
}

#[test]
fn leptos_toml_is_loadable_by_the_runtime_loader() {
    let path = format!("{REPO}/Leptos.toml");
    let conf = leptos::config::get_configuration(Some(&path)).unwrap();
    assert_eq!(&*conf.leptos_options.output_name, "plugboard");
    let build = read("Cargo.toml");
    let Value::String(addr) = &build["package"]["metadata"]["leptos"]["site-addr"] else {
        panic!("site-addr missing")
    };
    // An environment override would make this differ; the test environment sets none.
    if std::env::var("LEPTOS_SITE_ADDR").is_err() {
        assert_eq!(conf.leptos_options.site_addr.to_string(), *addr);
    }
}
