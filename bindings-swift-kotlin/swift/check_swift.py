#!/usr/bin/env python3
"""Checks Swift sources without a Swift compiler (none exists on Linux CI here).

1. Every file parses with tree-sitter-swift with no ERROR or MISSING node.
2. Every file after --generated (the example, Package.swift) calls only
   declarations that exist: each `ScanKit`-looking call `name(` or `.name(`
   and each type name used must be declared in the generated ScanKit.swift,
   in the Swift standard library / Foundation list below, or in the file itself.

Usage: check_swift.py --generated ScanKit.swift FILE...
"""
import argparse
import sys

import tree_sitter
import tree_sitter_swift

LANG = tree_sitter.Language(tree_sitter_swift.language())
PARSER = tree_sitter.Parser(LANG)

# Names a Swift program may use that come from the language, the standard
# library, Foundation or PackageDescription, not from ScanKit.
KNOWN = set("""
print CommandLine arguments FileManager contents default String Int Int32 Int64 UInt UInt8 UInt16 UInt32 UInt64 Double Float Bool Data Array
Dictionary Set Optional Error Void Character URL Date FileManager ProcessInfo exit
append contains map filter first last count isEmpty joined split prefix suffix data
utf8 description String.Encoding init self Self fatalError precondition assert
Package Target Product library target binaryTarget testTarget platforms macOS iOS
v13 v10_15 v15 name dependencies path products targets swiftLanguageVersions
DispatchQueue global async main sync Task sleep lowercased uppercased
""".split())


# uniffi wraps attributes newer than Swift 5.8 as
#     #if swift(>=5.8)
#     @_documentation(visibility: private)
#     #endif
#     public static func lift(...)
# The Swift compiler resolves the condition and attaches the attribute to the
# declaration after #endif; tree-sitter-swift cannot (it parses an #if block
# as a unit, and a lone attribute is not one). Package.swift requires Swift
# 5.9, so the condition is true: the two directive lines are blanked (line
# numbers stay) and the attribute kept, which is what the compiler sees.
# Nothing else is rewritten; the count is reported.
SWIFT_58_IF = b"#if swift(>=5.8)"


def resolve_swift58(source):
    lines = source.split(b"\n")
    resolved = 0
    i = 0
    while i < len(lines):
        if lines[i].strip() == SWIFT_58_IF:
            j = i + 1
            while j < len(lines) and lines[j].strip().startswith(b"@"):
                j += 1
            if j > i + 1 and j < len(lines) and lines[j].strip() == b"#endif":
                lines[i] = b""
                lines[j] = b""
                resolved += 1
                i = j
        i += 1
    return b"\n".join(lines), resolved


RESOLVED = {}


def parse(path):
    with open(path, "rb") as f:
        source = f.read()
    source, RESOLVED[path] = resolve_swift58(source)
    return source, PARSER.parse(source)


def problems(tree):
    out = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            kind = "MISSING" if node.is_missing else "ERROR"
            out.append(f"{kind} at line {node.start_point[0] + 1}, column {node.start_point[1] + 1}")
        stack.extend(node.children)
    return out


def text(source, node):
    return source[node.start_byte:node.end_byte].decode()


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(n.children)


def declared(source, tree):
    """Names declared in a file: types, functions, properties, enum cases, parameters."""
    names = set()
    for n in walk(tree.root_node):
        if n.type in ("class_declaration", "protocol_declaration", "function_declaration",
                      "protocol_function_declaration", "typealias_declaration", "init_declaration"):
            name = n.child_by_field_name("name")
            if name is not None:
                names.add(text(source, name).split(".")[-1])
        elif n.type in ("enum_entry",):
            for c in n.children:
                if c.type == "simple_identifier":
                    names.add(text(source, c))
        elif n.type in ("property_declaration", "protocol_property_declaration"):
            for c in walk(n):
                if c.type == "pattern":
                    for i in walk(c):
                        if i.type == "simple_identifier":
                            names.add(text(source, i))
        elif n.type == "parameter":
            for c in n.children:
                if c.type == "simple_identifier":
                    names.add(text(source, c))
        elif n.type in ("value_binding_pattern",):
            for c in walk(n):
                if c.type == "simple_identifier":
                    names.add(text(source, c))
    return names


def used(source, tree):
    """(name, line) of called functions, accessed members and type names."""
    out = []
    for n in walk(tree.root_node):
        if n.type == "call_expression" and n.children:
            callee = n.children[0]
            if callee.type == "simple_identifier":
                out.append((text(source, callee), callee.start_point[0] + 1))
        elif n.type == "navigation_suffix":
            suffix = n.child_by_field_name("suffix")
            if suffix is not None and suffix.type == "simple_identifier":
                out.append((text(source, suffix), suffix.start_point[0] + 1))
        elif n.type == "type_identifier":
            out.append((text(source, n), n.start_point[0] + 1))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    failed = False
    gen_source, gen_tree = parse(args.generated)
    errs = problems(gen_tree)
    for e in errs:
        print(f"{args.generated}: {e}", file=sys.stderr)
    failed |= bool(errs)
    api = declared(gen_source, gen_tree)
    # Swift lowers enum cases and keeps record fields: both are declared above.
    checked = 1
    for path in args.files:
        source, tree = parse(path)
        errs = problems(tree)
        for e in errs:
            print(f"{path}: {e}", file=sys.stderr)
        failed |= bool(errs)
        if path.endswith("Package.swift"):
            checked += 1
            continue
        own = declared(source, tree)
        for name, line in used(source, tree):
            if name not in api and name not in own and name not in KNOWN:
                print(f"{path}:{line}: `{name}` is not declared in {args.generated}", file=sys.stderr)
                failed = True
        checked += 1
    resolved = sum(RESOLVED.values())
    print(f"swift: resolved {resolved} `#if swift(>=5.8)` attribute blocks as Swift 5.9 does")
    print(f"swift: {checked} files parsed with tree-sitter-swift; "
          f"{'problems found' if failed else 'no ERROR or MISSING nodes, every example call is declared'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
