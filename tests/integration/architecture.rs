//! The direction of dependencies between the files of `src/`, read from their paths (see
//! `support::module_graph`). Run alone with `cargo test --features ssr --test integration architecture`.

use std::path::Path;

use crate::support::module_graph::{self, Graph};

fn graph_of(folder: &str) -> Graph {
    module_graph::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(folder))
}

fn graph() -> Graph {
    graph_of("src")
}

#[test]
fn no_two_files_of_src_import_each_other_even_through_others() {
    let loops = module_graph::loops(&graph());

    assert!(loops.is_empty(), "import loops in src/: {loops:#?}");
}

#[test]
fn no_two_files_of_the_double_import_each_other() {
    let loops = module_graph::loops(&graph_of("crates/betterstack-double/src"));

    assert!(loops.is_empty(), "import loops in the double: {loops:#?}");
}

#[test]
fn lower_layers_never_import_higher_ones() {
    // (files under this folder, may not use files under these)
    let rules: &[(&str, &[&str])] = &[
        ("domain/", &["wire/", "api/", "app/", "server/", "error.rs"]),
        ("wire/", &["api/", "app/", "server/"]),
        ("server/services/", &["api/", "app/"]),
        ("server/repo/", &["api/", "app/", "server/services/"]),
        (
            "server/infra/",
            &[
                "api/",
                "app/",
                "server/auth",
                "server/connectors",
                "server/http",
                "server/repo",
                "server/services",
                "server/state.rs",
                "server/sync",
            ],
        ),
    ];
    let graph = graph();

    let broken: Vec<String> = graph
        .iter()
        .flat_map(|(file, used)| used.iter().map(move |used| (file, used)))
        .filter(|(file, used)| {
            rules.iter().any(|(lower, higher)| {
                file.starts_with(lower) && higher.iter().any(|higher| used.starts_with(higher))
            })
        })
        .map(|(file, used)| format!("{file} -> {used}"))
        .collect();

    assert!(
        broken.is_empty(),
        "imports against the layering: {broken:#?}"
    );
}

#[test]
fn the_reader_finds_a_loop_it_is_shown() {
    let graph: Graph = [
        ("a.rs", &["b.rs"][..]),
        ("b.rs", &["c.rs"][..]),
        ("c.rs", &["a.rs"][..]),
        ("d.rs", &["a.rs"][..]),
    ]
    .into_iter()
    .map(|(file, used)| {
        (
            file.to_string(),
            used.iter().map(|u| u.to_string()).collect(),
        )
    })
    .collect();

    assert_eq!(
        module_graph::loops(&graph),
        vec![vec!["a.rs", "b.rs", "c.rs"]]
    );
}
