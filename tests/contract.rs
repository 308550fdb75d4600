//! The TypeScript and README contracts stay equal to the Rust one where they enumerate the same
//! thing.

/// The string literals of an `ErrorCode` union, in order.
fn ts_error_codes(types: &str) -> Vec<String> {
    let start = types
        .find("export type ErrorCode =")
        .expect("declares `export type ErrorCode`");
    let body = &types[start..];
    let end = body.find(';').expect("the ErrorCode union ends with `;`");
    body[..end]
        .lines()
        .filter_map(|line| line.trim().strip_prefix("| \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn typescript_error_code_union_is_rusts_list() {
    let rust: Vec<String> = impactkit::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(ts_error_codes(impactkit::ErrorCode::TYPESCRIPT), rust);
}

#[test]
fn types_d_ts_leaves_error_code_to_rust() {
    let types = include_str!("../pkg-templates/types.d.ts");
    assert!(
        !types.contains("export type ErrorCode"),
        "pkg-templates/types.d.ts must not declare ErrorCode: src/wasm/mod.rs emits ErrorCode::TYPESCRIPT"
    );
}

#[test]
fn readme_lists_every_error_code() {
    let readme = include_str!("../README.md");
    for code in impactkit::ErrorCode::ALL {
        assert!(
            readme.contains(&format!("| `{}` |", code.as_str())),
            "README's error table lacks `{}`",
            code.as_str()
        );
    }
}

/// The value of `key = "…"` (TOML) or `KEY := …` (Makefile) in `text`.
fn setting<'a>(text: &'a str, key: &str) -> &'a str {
    text.lines()
        .find_map(|line| line.strip_prefix(key))
        .map(|rest| {
            rest.trim_start_matches([' ', '=', ':'])
                .trim()
                .trim_matches('"')
        })
        .unwrap_or_else(|| panic!("no `{key}` setting"))
}

#[test]
fn fuzzing_uses_the_nightly_that_builds_the_package() {
    let makefile = include_str!("../Makefile");
    let fuzz = include_str!("../fuzz/rust-toolchain.toml");
    assert_eq!(setting(fuzz, "channel"), setting(makefile, "NIGHTLY"));
    assert!(makefile.contains("cargo +$(NIGHTLY) fuzz run"));
}

#[test]
fn stable_is_pinned_to_a_release() {
    let channel = setting(include_str!("../rust-toolchain.toml"), "channel");
    assert!(
        channel.split('.').count() == 3 && channel.split('.').all(|n| n.parse::<u32>().is_ok()),
        "rust-toolchain.toml pins `{channel}`, not a release like 1.95.0"
    );
}
