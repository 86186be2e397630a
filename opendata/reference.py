"""The OpenAPI description turned into what the reference page lists: endpoints, their parameters and
the fields of each response, so the page is plain server-rendered HTML with no script from anywhere."""

REF_PREFIX = "#/components/schemas/"


def type_of(schema):
    """A short readable type and, when it names a component, that component's name for a link."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        return name, name
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            return type_of(next(s for s in schema[combined] if s.get("type") != "null" and s != {}))
    kind = schema.get("type", "")
    if kind == "array":
        item, link = type_of(schema.get("items", {}))
        return f"array of {item}", link
    if schema.get("format"):
        return f"{kind} ({schema['format']})", None
    return kind, None


def nullable(schema):
    return schema.get("nullable", False) or any(
        part.get("type") == "null" or part == {} for part in schema.get("oneOf", [])
    )


def parameter_rows(parameters):
    for parameter in parameters:
        schema = parameter.get("schema", {})
        yield {
            "name": parameter["name"],
            "where": parameter["in"],
            "required": parameter.get("required", False),
            "type": type_of(schema)[0],
            "values": schema.get("enum", []),
            "description": parameter.get("description", ""),
        }


def response_component(operation):
    content = operation.get("responses", {}).get("200", {}).get("content", {})
    schema = content.get("application/json", {}).get("schema", {})
    return type_of(schema)[1] if schema else None


def component_rows(schemas):
    for name, schema in sorted(schemas.items()):
        properties = []
        required = set(schema.get("required", []))
        for field, spec in schema.get("properties", {}).items():
            kind, link = type_of(spec)
            properties.append(
                {
                    "name": field,
                    "type": kind,
                    "link": link,
                    "always": field in required and not nullable(spec),
                    "values": spec.get("enum", []),
                    "description": spec.get("description", ""),
                }
            )
        yield {
            "name": name,
            "description": schema.get("description", ""),
            "values": schema.get("enum", []),
            "properties": properties,
        }


def api_reference(schema):
    endpoints = [
        {
            "path": path,
            "method": method.upper(),
            "description": operation.get("description", ""),
            "parameters": list(parameter_rows(operation.get("parameters", []))),
            "response": response_component(operation),
        }
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]
    return {
        "info": schema["info"],
        "endpoints": endpoints,
        "components": list(component_rows(schema.get("components", {}).get("schemas", {}))),
    }
