//! The shape of the sources (issue "Rules you can read"): no function in `src/` longer
//! than 80 lines, and no word of a language written in shared extraction code. Each check
//! has a ratchet list of today's exceptions: a function or file that comes off the list
//! must be removed from it, so the lists only shrink.

use std::path::{Path, PathBuf};

/// The most lines a function may span, its signature and closing brace included.
const MAX_LINES: usize = 80;

/// Functions over the limit today, as "file::name". Remove one once it is split.
const TOO_LONG_TODAY: &[&str] = &[];

/// Shared extraction files that still hold a non-ASCII word literal today.
const WORDS_TODAY: &[&str] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

/// The code before the file's unit-test module.
fn without_tests(text: &str) -> &str {
    text.find("\n#[cfg(test)]\nmod tests")
        .map_or(text, |i| &text[..i])
}

/// Every function of a rustfmt-formatted file with its length in lines: from the line
/// of `fn name` to the first closing brace at the same indentation.
fn functions(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let code = line.trim_start();
        let indent = line.len() - code.len();
        let Some(at) = code.find("fn ") else { continue };
        let head = &code[..at];
        let is_item = head
            .split_whitespace()
            .all(|w| w.starts_with("pub") || matches!(w, "const" | "unsafe" | "async"));
        if !is_item || code.starts_with("//") {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || code.ends_with(';') {
            continue;
        }
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[i..].iter().position(|l| l.starts_with(&close)) {
            out.push((name, end + 1));
        }
    }
    out
}

#[test]
fn no_function_over_80_lines_but_the_listed_ones() {
    let mut long = Vec::new();
    for (file, text) in sources() {
        for (name, n) in functions(without_tests(&text)) {
            if n > MAX_LINES {
                long.push(format!("{file}::{name}"));
            }
        }
    }
    let new: Vec<&String> = long
        .iter()
        .filter(|f| !TOO_LONG_TODAY.contains(&f.as_str()))
        .collect();
    assert!(new.is_empty(), "functions over {MAX_LINES} lines: {new:?}");
    let split: Vec<&&str> = TOO_LONG_TODAY
        .iter()
        .filter(|f| !long.iter().any(|l| l == *f))
        .collect();
    assert!(
        split.is_empty(),
        "now short enough, remove from TOO_LONG_TODAY: {split:?}"
    );
}

/// String literals of a line of code that hold a letter outside ASCII.
fn word_literals(line: &str) -> Vec<&str> {
    let code = line.split("//").next().unwrap_or("");
    code.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .collect()
}

#[test]
fn no_language_word_in_shared_extraction_code_but_the_listed_files() {
    let mut holders = Vec::new();
    for (file, text) in sources() {
        let shared = file.starts_with("src/extract/")
            && !["fr.rs", "en.rs", "ar.rs"]
                .iter()
                .any(|l| file.ends_with(&format!("/{l}")));
        if !shared {
            continue;
        }
        let words: Vec<&str> = without_tests(&text)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .flat_map(word_literals)
            .collect();
        if !words.is_empty() {
            holders.push((file, words.join(" | ")));
        }
    }
    let new: Vec<&(String, String)> = holders
        .iter()
        .filter(|(f, _)| !WORDS_TODAY.contains(&f.as_str()))
        .collect();
    assert!(new.is_empty(), "language words in shared code: {new:?}");
    let clean: Vec<&&str> = WORDS_TODAY
        .iter()
        .filter(|f| !holders.iter().any(|(h, _)| h == *f))
        .collect();
    assert!(
        clean.is_empty(),
        "now clean, remove from WORDS_TODAY: {clean:?}"
    );
}

#[test]
fn the_checks_see_what_they_look_for() {
    let text = "fn short() {\n    1;\n}\n\n    pub(crate) fn two() {\n        x\n    }\n";
    assert_eq!(
        functions(text),
        [("short".to_string(), 3), ("two".to_string(), 3)]
    );
    assert_eq!(
        word_literals(r#"let x = ["بن", "of", "été"]; // "ا""#),
        ["بن", "été"]
    );
    assert!(word_literals(r#"let p = "،؛"; let q = "x";"#).is_empty());
}
