#!/usr/bin/env bash
# Builds the widget at each opt-level (with the release profile's lto and one codegen unit), runs
# wasm-bindgen and wasm-opt -Oz as ./dev build does, and prints the brotli size of the WASM.
# Usage: scripts/measure-opt-levels.sh  (after ./dev setup)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
for level in 3 s z; do
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level cargo build --release --target wasm32-unknown-unknown --bin widget --target-dir "target/opt-$level" -q
  wasm-bindgen --target web --no-typescript --out-dir "$out/$level" --out-name widget "target/opt-$level/wasm32-unknown-unknown/release/widget.wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/$level/widget_bg.wasm" -o "$out/$level/opt.wasm"
  node -e '
    const fs = require("fs"), z = require("zlib");
    const [before, after] = process.argv.slice(1, 3).map((f) => fs.readFileSync(f));
    const br = (b) => z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const k = (n) => (n / 1024).toFixed(1);
    console.log(`opt-level ${process.argv[3]}: wasm-bindgen ${k(before.length)} KiB raw, ${k(br(before))} KiB brotli; after wasm-opt -Oz ${k(after.length)} KiB raw, ${k(br(after))} KiB brotli`);
  ' "$out/$level/widget_bg.wasm" "$out/$level/opt.wasm" "$level"
done
rm -rf "$out"
