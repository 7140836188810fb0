"""Reports what generated LEAN modules name, as JSON, for the LEAN writer's catalog checks.

Usage: python3 python_facts.py <project directory>...
Prints {directory: {file name: facts}} as JSON. It only parses the code; nothing here executes it.
"""

import ast
import builtins
import datetime
import json
import os
import symtable
import sys

BUILTIN_NAMES = set(dir(builtins))
# Attributes of the Python values generated code handles itself: containers, strings, numbers, dates.
PYTHON_ATTRIBUTES = set().union(
    *(dir(value) for value in (dict, list, set, tuple, str, int, float, datetime.datetime))
)


def literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return {"not_literal": ast.unparse(node)}


def call_facts(node, owner, class_name):
    return {
        "object": owner,
        "name": node.func.attr,
        "positional": len(node.args),
        "starred": any(isinstance(argument, ast.Starred) for argument in node.args),
        "keywords": [keyword.arg for keyword in node.keywords],
        "class": class_name,
        "line": node.lineno,
    }


def walk_symbols(table, module_defined, found):
    for symbol in table.get_symbols():
        name = symbol.get_name()
        if not symbol.is_referenced() or name in module_defined or name in BUILTIN_NAMES:
            continue
        if symbol.is_global() or (table.get_type() == "module" and not symbol.is_assigned()):
            found.add(name)
    for child in table.get_children():
        walk_symbols(child, module_defined, found)


class ClassFacts(ast.NodeVisitor):
    def __init__(self, node):
        self.name = node.name
        self.bases = [ast.unparse(base) for base in node.bases]
        self.methods = []
        self.assigned = set()
        self.loaded = set()
        self.super_init_arguments = None
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                self.methods.append(item.name)
        self.generic_visit(node)

    def visit_Call(self, node):
        function = node.func
        if (
            isinstance(function, ast.Attribute)
            and function.attr == "__init__"
            and isinstance(function.value, ast.Call)
            and isinstance(function.value.func, ast.Name)
            and function.value.func.id == "super"
        ):
            self.super_init_arguments = len(node.args) + len(node.keywords)
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id == "self":
            if isinstance(node.ctx, ast.Store):
                self.assigned.add(node.attr)
            else:
                self.loaded.add(node.attr)
        self.generic_visit(node)

    def as_json(self):
        return {
            "name": self.name,
            "bases": self.bases,
            "methods": self.methods,
            "assigned": sorted(self.assigned),
            "loaded": sorted(self.loaded),
            "super_init_arguments": self.super_init_arguments,
        }


def file_facts(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    tree = ast.parse(source, filename=path)
    module_defined = set()
    imports = []
    star_imports = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            if any(alias.name == "*" for alias in node.names):
                star_imports.append(node.module)
            else:
                imports.append({"module": node.module, "names": [alias.name for alias in node.names]})
                module_defined.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            module_defined.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    module_defined.add(target.id)
    star_names = set()
    walk_symbols(symtable.symtable(source, path, "exec"), module_defined, star_names)

    classes = []
    calls = []
    static_members = []
    attributes = set()
    constructions = []
    static_calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            classes.append(ClassFacts(node).as_json())
    for class_node in [node for node in tree.body if isinstance(node, ast.ClassDef)] + [tree]:
        class_name = class_node.name if isinstance(class_node, ast.ClassDef) else None
        for node in ast.walk(class_node):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                if isinstance(target, ast.Name) and target.id in ("self", "algorithm") and class_name:
                    calls.append(call_facts(node, target.id, class_name))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in star_names:
                static_members.append({"type": node.value.id, "member": node.attr, "line": node.lineno})
            elif not (isinstance(node.value, ast.Name) and node.value.id in ("self", "algorithm")):
                attributes.add(node.attr)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in star_names
        ):
            static_calls.append(
                {
                    "type": node.func.value.id,
                    "member": node.func.attr,
                    "positional": len(node.args),
                    "keywords": [keyword.arg for keyword in node.keywords],
                    "line": node.lineno,
                }
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            constructions.append(
                {
                    "callee": node.func.id,
                    "positional": len(node.args),
                    "keywords": {keyword.arg: literal(keyword.value) for keyword in node.keywords},
                    "line": node.lineno,
                }
            )
    algorithm_reads = sorted(
        {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "algorithm"
        }
    )
    return {
        "imports": imports,
        "star_imports": star_imports,
        "star_names": sorted(star_names),
        "classes": classes,
        "calls": calls,
        "static_members": static_members,
        "static_calls": static_calls,
        "attributes": sorted(attributes - PYTHON_ATTRIBUTES),
        "python_attributes": sorted(attributes & PYTHON_ATTRIBUTES),
        "algorithm_reads": algorithm_reads,
        "constructions": constructions,
        "first_lines": source.splitlines()[:3],
    }


def main():
    projects = {}
    for directory in sys.argv[1:]:
        projects[directory] = {
            name: file_facts(os.path.join(directory, name))
            for name in sorted(os.listdir(directory))
            if name.endswith(".py")
        }
    json.dump(projects, sys.stdout)


if __name__ == "__main__":
    main()
