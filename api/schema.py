"""Postprocessing of the OpenAPI schema (drf-spectacular hook)."""

from __future__ import annotations

#: No text parameter may hold a NUL character: PostgreSQL refuses it, so every page and the API
#: answer 400 (web.middleware.RejectNulMiddleware). The schema says so.
NO_NUL = "^[^\\u0000]*$"


def no_nul_in_text_parameters(result, generator, request, public):
    """Text parameters: no NUL. Query parameters: an empty value means "not set" (as in the list
    page's form, whose empty fields are sent as ``ministry=``), which OpenAPI says with
    ``allowEmptyValue``."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
                schema = parameter.get("schema", {})
                targets = [schema.get("items", {})] if schema.get("type") == "array" else [schema]
                for target in targets:
                    if target.get("type") == "string" and "enum" not in target and "format" not in target:
                        target.setdefault("pattern", NO_NUL)
    return result
