//! The TypeScript contract (pkg-templates/types.d.ts) stays equal to the Rust one where both
//! enumerate the same thing.

/// The string literals of the `ErrorCode` union in types.d.ts, in order.
fn ts_error_codes(types: &str) -> Vec<String> {
    let start = types
        .find("export type ErrorCode =")
        .expect("types.d.ts declares `export type ErrorCode`");
    let body = &types[start..];
    let end = body.find(';').expect("the ErrorCode union ends with `;`");
    body[..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn typescript_error_codes_equal_rusts() {
    let types = include_str!("../pkg-templates/types.d.ts");
    let rust: Vec<String> = impactkit::ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .collect();
    assert_eq!(ts_error_codes(types), rust);
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
