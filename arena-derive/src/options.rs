//! The derive's own attribute, `#[arena(...)]`.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Path};

/// Options given with `#[arena(...)]` on the derived item.
pub(crate) struct Options {
    /// The path generated code uses to reach `arena_memory`; `::arena_memory`
    /// unless overridden with `#[arena(crate = "...")]` by a re-exporting crate.
    pub(crate) krate: Path,
    /// Where `crate = "..."` was written, when it was: generic structs reject it.
    pub(crate) krate_given: Option<Span>,
}

impl Options {
    /// Reads every `#[arena(...)]` among `attrs`.
    pub(crate) fn from_attrs(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut krate: Option<Path> = None;
        let mut krate_given = None;
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("arena")) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("crate") {
                    if krate.is_some() {
                        return Err(meta.error("`crate` is given twice"));
                    }
                    let value: LitStr = meta.value()?.parse()?;
                    krate = Some(value.parse()?);
                    krate_given = Some(meta.path.span());
                    Ok(())
                } else {
                    Err(meta.error(
                        "unknown `arena` option; the only option is `crate = \"path::to::arena_memory\"`",
                    ))
                }
            })?;
        }
        Ok(Self {
            krate: krate.unwrap_or_else(|| syn::parse_quote!(::arena_memory)),
            krate_given,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;
    use syn::DeriveInput;

    fn options_of(item: &str) -> syn::Result<Options> {
        let input: DeriveInput = syn::parse_str(item).expect("test item parses");
        Options::from_attrs(&input.attrs)
    }

    fn path_string(path: &Path) -> String {
        path.to_token_stream().to_string().replace(' ', "")
    }

    #[test]
    fn default_crate_path() {
        let options = options_of("struct S;").unwrap();
        assert_eq!(path_string(&options.krate), "::arena_memory");
        assert!(options.krate_given.is_none());
    }

    #[test]
    fn crate_override() {
        let options = options_of("#[arena(crate = \"ui::arena\")] struct S;").unwrap();
        assert_eq!(path_string(&options.krate), "ui::arena");
        assert!(options.krate_given.is_some());
    }

    #[test]
    fn unknown_option_is_rejected() {
        let Err(error) = options_of("#[arena(krate = \"x\")] struct S;") else {
            panic!("`krate` is not an option");
        };
        assert!(
            error.to_string().contains("unknown `arena` option"),
            "{error}"
        );
    }
}
