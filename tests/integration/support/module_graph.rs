//! Which file of `src/` uses which, read from the `crate::`, `super::` and `self::` paths in
//! the code (tests at the bottom of a file left out).
//!
//! A path is followed to the file that defines the item: through the deepest module file that
//! exists and, where that module only re-exports the name (`pub use role::Role;`), on to the
//! file it comes from, so a parent that gathers its children's types is not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Files by their path under `src/` (`server/services/teams.rs`), each with the files it uses.
pub type Graph = BTreeMap<String, BTreeSet<String>>;

pub fn read(src: &Path) -> Graph {
    let files = rust_files(src);
    let sources: BTreeMap<String, String> = files
        .iter()
        .map(|file| {
            let text = std::fs::read_to_string(src.join(file)).expect("source file");
            (file.clone(), without_tests(&without_comments(&text)))
        })
        .collect();
    let modules = Modules { sources: &sources };
    sources
        .iter()
        .map(|(file, text)| {
            let here = module_of(file);
            let used = paths_in(text)
                .into_iter()
                .filter_map(|path| absolute(&here, &path))
                .filter_map(|path| modules.file_defining(&path, 0))
                .filter(|used| used != file)
                .collect();
            (file.clone(), used)
        })
        .collect()
}

/// Every group of files that reach each other through their imports (Tarjan's components of
/// more than one file), each sorted.
pub fn loops(graph: &Graph) -> Vec<Vec<String>> {
    struct Walk<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, file: &'g str) {
            let number = self.index.len();
            self.index.insert(file, number);
            self.low.insert(file, number);
            self.stack.push(file);
            self.on_stack.insert(file);
            for used in self.graph.get(file).into_iter().flatten() {
                if !self.index.contains_key(used.as_str()) {
                    self.visit(used);
                    let low = self.low[file].min(self.low[used.as_str()]);
                    self.low.insert(file, low);
                } else if self.on_stack.contains(used.as_str()) {
                    let low = self.low[file].min(self.index[used.as_str()]);
                    self.low.insert(file, low);
                }
            }
            if self.low[file] == self.index[file] {
                let mut component = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack.remove(member);
                    component.push(member.to_string());
                    if member == file {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for file in graph.keys() {
        if !walk.index.contains_key(file.as_str()) {
            walk.visit(file);
        }
    }
    walk.found
}

struct Modules<'s> {
    sources: &'s BTreeMap<String, String>,
}

impl Modules<'_> {
    /// The file that defines what `path` (from the crate root) names.
    fn file_defining(&self, path: &[String], depth: usize) -> Option<String> {
        let (file, rest) = (0..=path.len()).rev().find_map(|taken| {
            self.file_of(&path[..taken])
                .map(|file| (file, &path[taken..]))
        })?;
        let Some(name) = rest.first() else {
            return Some(file);
        };
        if depth < 8 {
            if let Some(origin) = self.reexport(&file, name) {
                let mut onward = origin;
                onward.extend(rest[1..].iter().cloned());
                if let Some(found) = self.file_defining(&onward, depth + 1) {
                    return Some(found);
                }
            }
        }
        Some(file)
    }

    fn file_of(&self, module: &[String]) -> Option<String> {
        if module.is_empty() {
            return Some("lib.rs".to_string());
        }
        let joined = module.join("/");
        [format!("{joined}.rs"), format!("{joined}/mod.rs")]
            .into_iter()
            .find(|file| self.sources.contains_key(file))
    }

    /// Where a module's `pub use …::name;` takes `name` from, as a path from the crate root.
    fn reexport(&self, file: &str, name: &str) -> Option<Vec<String>> {
        let here = module_of(file);
        use_statements(&self.sources[file], true)
            .into_iter()
            .flat_map(|statement| expand(&statement))
            .find(|path| path.last().map(String::as_str) == Some(name))
            .and_then(|path| absolute_or_child(&here, &path))
    }
}

/// `server/services/teams.rs` is the module `server::services::teams`; `lib.rs` is the root.
fn module_of(file: &str) -> Vec<String> {
    let trimmed = file.trim_end_matches(".rs").trim_end_matches("/mod");
    if trimmed == "lib" || trimmed == "main" {
        return Vec::new();
    }
    trimmed.split('/').map(str::to_string).collect()
}

fn absolute(here: &[String], path: &[String]) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here[..here.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    let mut rest = rest;
    while rest.first().map(String::as_str) == Some("super") {
        base.pop();
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// Inside a `use`, a path that starts with neither `crate`, `self` nor `super` names a child
/// module (2018 edition: or an external crate, which `file_of` will not find).
fn absolute_or_child(here: &[String], path: &[String]) -> Option<Vec<String>> {
    absolute(here, path).or_else(|| {
        let mut child = here.to_vec();
        child.extend(path.iter().cloned());
        Some(child)
    })
}

/// Every path the code names: each `use` expanded, and each `crate::…` / `super::…` written
/// inline in an expression or a type.
fn paths_in(text: &str) -> Vec<Vec<String>> {
    let mut paths: Vec<Vec<String>> = use_statements(text, false)
        .iter()
        .flat_map(|statement| expand(statement))
        .collect();
    let bytes = text.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(found) = text[from..].find(start) {
            let begin = from + found;
            let boundary = begin == 0 || !is_ident(bytes[begin - 1]) && bytes[begin - 1] != b':';
            let mut end = begin;
            while end < bytes.len() && (is_ident(bytes[end]) || bytes[end] == b':') {
                end += 1;
            }
            if boundary {
                let path: Vec<String> = text[begin..end]
                    .split("::")
                    .filter(|segment| !segment.is_empty())
                    .map(str::to_string)
                    .collect();
                paths.push(path);
            }
            from = end.max(begin + 1);
        }
    }
    paths
}

/// The bodies of `use …;` statements (`pub use` only, when asked).
fn use_statements(text: &str, public_only: bool) -> Vec<String> {
    let mut statements = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("use ") {
        let begin = from + found;
        from = begin + 4;
        if begin > 0 && is_ident(bytes[begin - 1]) {
            continue;
        }
        let line_start = text[..begin].rfind('\n').map_or(0, |at| at + 1);
        let before = text[line_start..begin].trim();
        let public = before.starts_with("pub");
        let wanted = public || (before.is_empty() && !public_only);
        if !wanted {
            continue;
        }
        if let Some(end) = text[from..].find(';') {
            statements.push(text[from..from + end].to_string());
            from += end;
        }
    }
    statements
}

/// `a::{b, c::{d, e as f}}` as the paths `a::b`, `a::c::d`, `a::c::e`.
fn expand(statement: &str) -> Vec<Vec<String>> {
    let compact: String = statement.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    expand_into(&compact, &[], &mut out);
    out
}

fn expand_into(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::");
        let mut base = prefix.to_vec();
        base.extend(segments(head));
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        for part in split_top_level(inner) {
            expand_into(part, &base, out);
        }
        return;
    }
    let name = tree.split(" as ").next().unwrap_or(tree);
    let mut path = prefix.to_vec();
    path.extend(segments(name).filter(|segment| segment != "self" || prefix.is_empty()));
    if !path.is_empty() && path.last().map(String::as_str) != Some("*") {
        out.push(path);
    } else if path.len() > 1 {
        path.pop();
        out.push(path);
    }
}

fn segments(path: &str) -> impl Iterator<Item = String> + '_ {
    path.split("::")
        .map(str::trim)
        .filter(|segment| !segment.is_empty())
        .map(str::to_string)
}

fn split_top_level(list: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (at, character) in list.char_indices() {
        match character {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&list[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&list[start..]);
    parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect()
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The text before the file's `#[cfg(test)]` module: tests may reach anywhere.
fn without_tests(text: &str) -> String {
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text.to_string(),
    }
}

/// Line comments (doc comments too) removed, so a path in prose is not an import.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(src.join(&folder)).expect("src folder") {
            let entry = entry.expect("folder entry");
            let relative = folder.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                folders.push(relative);
            } else if relative.extension().is_some_and(|ext| ext == "rs") {
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    found
}
