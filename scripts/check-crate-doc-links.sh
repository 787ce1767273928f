#!/usr/bin/env bash
# Fails if the crate-root docs (src/lib.md, shown on docs.rs) link to a
# relative file path or image: on docs.rs those resolve against the docs
# site, not the repository, and break. Allowed targets: absolute URLs
# (http:// or https://), in-page anchors (#...), and intra-doc links (Rust
# paths such as `Arena::reset`, `crate::vec`, `format_in!`).
#
# Usage: scripts/check-crate-doc-links.sh [FILE...]   (default: src/lib.md)
set -euo pipefail
cd "$(dirname "$0")/.."

files=("$@")
[[ ${#files[@]} -gt 0 ]] || files=(src/lib.md)

bad=0
for file in "${files[@]}"; do
    # Inline links and images `](target)` or `](target "title")`, reference
    # definitions `[label]: target`, and HTML `src=` / `href=` attributes.
    while IFS=: read -r line target; do
        target="${target#<}"
        target="${target%>}"
        case "$target" in
            http://* | https://* | '#'*) continue ;;
        esac
        # A Rust path: identifiers joined by `::`, maybe a `!` or `()` and a
        # disambiguator such as `derive@` or `struct@`.
        if [[ "$target" =~ ^([a-z]+@)?[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*(!|\(\))?$ ]]; then
            continue
        fi
        echo "$file:$line: link to \`$target\` would break on docs.rs (use an intra-doc link or an absolute URL)"
        bad=1
    done < <(
        grep -noE '\]\([^) ]+|^\[[^]]+\]: *[^ ]+|(src|href)="[^"]+' "$file" |
            sed -E 's/^([0-9]+):(\]\(|\[[^]]+\]: *|(src|href)=")/\1:/'
    )
done
if [[ $bad -ne 0 ]]; then
    exit 1
fi
echo "crate docs: no relative links (${files[*]})"
