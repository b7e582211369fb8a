"""How the spec's operations look to a caller: the types a call takes and returns, and the client objects' methods.

openapi-python-client parses the spec into ``Endpoint`` and property objects and renders its templates
from them; our templates (``codegen/templates/``) also call the functions here (``pythonclient`` hands
them to the templates), which work the rest out from those same objects:

- ``success_responses`` / ``success_type``: the 2xx responses, and the one type a call returns. Every
  non-2xx status raises in the runtime, so error models never appear in a return type; a success
  without a body returns ``None``.
- ``error_models``: the body model of each documented status, for ``ApiStatusError.body``
  (``accountkit_runtime.errorbody``).
- ``dict_type`` / ``typeddict``: the TypedDict of each request (closed) schema: the JSON form of the
  model, so that a misspelt key in a dict literal is a type error.
- ``input_type``: what an argument takes: the attrs model or a dict of its TypedDict, at any depth of
  lists and unions.
- ``method``: one method of a client object: path parameters positional, then query parameters and
  the body's fields as keyword arguments, each renamed where it would collide with another argument
  or with a per-call option (``body_id`` for a body field ``ID`` beside a path parameter ``id``,
  ``body_timeout`` beside ``timeout``).
- ``example_call``: a method call written out with the values of a spec's ``quickstart`` examples.

Strings from the spec reach generated code only through ``repr`` (literals) or the generator's own
``safe_for_docstring``.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import EnumProperty, ModelProperty, Property
from openapi_python_client.parser.properties.const import ConstProperty
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.none import NoneProperty
from openapi_python_client.parser.properties.protocol import PropertyProtocol
from openapi_python_client.parser.properties.string import StringProperty
from openapi_python_client.parser.properties.union import UnionProperty
from openapi_python_client.parser.properties.uuid import UuidProperty
from openapi_python_client.parser.responses import Response
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import safe_for_docstring

# The per-call keyword arguments of every method (``accountkit_runtime.apiclient``, ``RequestOptions``'s
# fields): no parameter or body field takes their names (one that would is renamed, ``body_timeout``).
CALL_OPTIONS = (
    "request_options",
    "extra_headers",
    "extra_query",
    "extra_body",
    "timeout",
    "max_retries",
    "max_response_bytes",
)
RESERVED = frozenset({"self", *CALL_OPTIONS})


def wire_name(prop: PropertyProtocol) -> str:
    """A property's name in the spec (on the wire): a JSON key, a parameter name."""
    name = prop.name
    return name.get_untrusted_value() if isinstance(name, UntrustedString) else str(name)


def _code(prop: PropertyProtocol, *, json: bool = False) -> str:
    return prop.get_type_string(no_optional=True, json=json).as_unembedded_code()


def _union(types: Iterable[str]) -> str:
    return " | ".join(dict.fromkeys(part for text in types for part in text.split(" | ")))


# -- responses ------------------------------------------------------------------------------------


def _is_success(response: Response) -> bool:
    code_range = response.status_code.range
    return code_range is not None and code_range[0] >= 200 and code_range[1] <= 299


def has_body(response: Response) -> bool:
    """Whether the spec documents a body for this response (PortaBilling's ``4XX`` has none)."""
    return response.source["attribute"] != "None"


def success_responses(endpoint: Endpoint) -> list[Response]:
    """The responses a call returns from: the 2xx ones, or ``default`` when the spec lists no 2xx."""
    found = [response for response in endpoint.responses.patterns if _is_success(response)]
    if not found and endpoint.responses.default is not None:
        found = [endpoint.responses.default]
    return found


def success_type(endpoint: Endpoint) -> str:
    """The one type a call returns: its success responses' types, ``None`` for a success without a body."""
    types = [_code(response.prop) if has_body(response) else "None" for response in success_responses(endpoint)]
    return _union(sorted(types, key=lambda text: text == "None")) if types else "None"


@dataclass(frozen=True)
class ErrorModel:
    """The documented body of one status (or range, or ``default``): the parser expression, or None."""

    status: str  # "500", "4XX", "default"
    parser: str | None  # "Fault.from_dict", "errorbody.text", or None: no model documented
    model: str | None  # what ``.body`` is then: "Fault", "str"

    @property
    def key(self) -> int | None:
        """The status (``500``) or the range's first digit (``4``); None for ``default``."""
        return None if self.status == "default" else int(self.status[0] if "X" in self.status else self.status)


def _error_model(status: str, response: Response) -> ErrorModel:
    prop = response.prop
    if has_body(response) and isinstance(prop, ModelProperty):
        return ErrorModel(status, f"{prop.class_info.name}.from_dict", prop.class_info.name)
    if has_body(response) and isinstance(prop, StringProperty):
        return ErrorModel(status, "errorbody.text", "str")
    return ErrorModel(status, None, None)


def error_models(endpoint: Endpoint) -> list[ErrorModel]:
    """Every documented status of an operation with the body model an error of that status carries.

    Success statuses are included: a vendor that reports failures inside a 2xx (2sms's envelope)
    documents that body there.
    """
    found = []
    for response in endpoint.responses.patterns:
        low, high = response.status_code.range or (0, 0)
        found.append(_error_model(str(low) if low == high else f"{low // 100}XX", response))
    if endpoint.responses.default is not None:
        found.append(_error_model("default", endpoint.responses.default))
    return found


def error_model_names(endpoints: Iterable[Endpoint]) -> list[str]:
    """The model classes the error table of these operations refers to (for its imports)."""
    names = {model.model for endpoint in endpoints for model in error_models(endpoint) if model.parser}
    return sorted(name for name in names if name and name != "str")


# -- types ----------------------------------------------------------------------------------------


def is_closed(model: ModelProperty) -> bool:
    """A request schema (``additionalProperties: false``, see specs/README.md): it gets a TypedDict."""
    return not model.additional_properties


def typeddict_name(model: ModelProperty) -> str:
    return f"{model.class_info.name}Dict"


def dict_type(prop: PropertyProtocol) -> str:
    """The type of a property's value in JSON form, as a TypedDict field holds it.

    Models are their TypedDict (open ones a ``dict``), enums their class or one of their values, dates
    and UUIDs strings: what ``to_dict()`` makes of the attrs value, and what a dict literal holds.
    """
    if isinstance(prop, ModelProperty):
        if is_closed(prop):
            return typeddict_name(prop)
        extra = prop.additional_properties
        value = dict_type(extra) if isinstance(extra, Property) else "Any"
        return f"dict[str, {value}]"
    if isinstance(prop, EnumProperty):
        values = ", ".join(repr(value) for value in prop.values.values())
        return f"{prop.class_info.name} | Literal[{values}]"
    if isinstance(prop, ListProperty):
        return f"list[{dict_type(prop.inner_property)}]"
    if isinstance(prop, UnionProperty):
        return _union(dict_type(inner) for inner in prop.inner_properties)
    if isinstance(prop, (DateProperty, DateTimeProperty, UuidProperty)):
        return "str"
    if isinstance(prop, ConstProperty):
        return _code(prop)
    return _code(prop, json=True)


def input_type(prop: PropertyProtocol) -> str:
    """What an argument takes for ``prop``: its attrs type, with each model also as its dict form."""
    if isinstance(prop, ModelProperty):
        return f"{prop.class_info.name} | {dict_type(prop)}"
    if isinstance(prop, ListProperty):
        return f"list[{input_type(prop.inner_property)}]"
    if isinstance(prop, UnionProperty):
        return _union(input_type(inner) for inner in prop.inner_properties)
    return _code(prop)


def argument(prop: PropertyProtocol, name: str | None = None) -> str:
    """``name: type = default`` for a function or method parameter taking ``prop``."""
    declaration = f"{name or prop.python_name}: {input_type(prop)}"
    if prop.default is not None:
        return f"{declaration} = {prop.default.python_code.as_unembedded_code()}"
    if not prop.required:
        return f"{declaration} | Unset = UNSET"
    return declaration


def _walk(prop: PropertyProtocol) -> Iterator[PropertyProtocol]:
    yield prop
    if isinstance(prop, ListProperty):
        yield from _walk(prop.inner_property)
    elif isinstance(prop, UnionProperty):
        for inner in prop.inner_properties:
            yield from _walk(inner)
    elif isinstance(prop, ModelProperty) and not is_closed(prop) and isinstance(prop.additional_properties, Property):
        yield from _walk(prop.additional_properties)


def type_names(props: Iterable[PropertyProtocol]) -> list[str]:
    """The model, TypedDict and enum classes the types of ``props`` name (what a module must import)."""
    names: set[str] = set()
    for prop in props:
        for part in _walk(prop):
            if isinstance(part, ModelProperty):
                names.add(part.class_info.name)
                if is_closed(part):
                    names.add(typeddict_name(part))
            elif isinstance(part, EnumProperty):
                names.add(part.class_info.name)
    return sorted(names)


@dataclass(frozen=True)
class TypedDictField:
    key: str  # the JSON key
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class TypedDictPlan:
    name: str
    fields: list[TypedDictField]
    # Keys that are not identifiers (``2fa``, ``from``) need TypedDict's functional syntax.
    class_syntax: bool
    # The TypedDicts of nested models, imported (under TYPE_CHECKING) from their modules.
    imports: list[str]


def typeddict(model: ModelProperty) -> TypedDictPlan:
    """The TypedDict of a closed model: its JSON keys, their JSON-form types, which are required."""
    props = (model.required_properties or []) + (model.optional_properties or [])
    fields = [
        TypedDictField(wire_name(prop), dict_type(prop), prop.required, safe_for_docstring(prop.description or ""))
        for prop in props
    ]
    nested = {
        (part.class_info.module_name, typeddict_name(part))
        for prop in props
        for part in _walk(prop)
        if isinstance(part, ModelProperty) and is_closed(part) and part.class_info.name != model.class_info.name
    }
    imports = [f"from ..models.{module} import {name}" for module, name in sorted(nested)]
    class_syntax = all(f.key.isidentifier() and not keyword.iskeyword(f.key) for f in fields)
    return TypedDictPlan(typeddict_name(model), fields, class_syntax, imports)


# -- methods ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Argument:
    name: str  # the method's parameter name
    target: str  # the module function's parameter name, or the body model's field name
    declaration: str  # "name: type = default"
    doc: str  # the Args line (without the name)
    wire: str = ""  # the key in the body's JSON (body fields)
    model: str | None = None  # a parameter taking a model or its dict: the attrs class it is built into


@dataclass
class MethodPlan:
    name: str
    positional: list[Argument] = field(default_factory=list)  # path parameters
    keywords: list[Argument] = field(default_factory=list)  # query, header and cookie parameters
    body_fields: list[Argument] = field(default_factory=list)  # the body model's fields, by keyword
    body_model: str | None = None  # the attrs class the fields are gathered into
    body_argument: Argument | None = None  # a body that is not a model with fields: one ``body`` argument
    returns: str = "None"

    @property
    def arguments(self) -> list[Argument]:
        return [*self.positional, *self.keywords, *self.body_fields, *filter(None, [self.body_argument])]


def _free(name: str, prefix: str, taken: set[str]) -> str:
    """``name``, or ``<prefix>_<name>`` (then with ``_`` appended) when another argument has it."""
    if name not in taken:
        return name
    candidate = f"{prefix}_{name}"
    while candidate in taken:
        candidate += "_"
    return candidate


def _doc(prop: PropertyProtocol, type_text: str, renamed_from: str | None) -> str:
    text = safe_for_docstring(prop.description or "").strip()
    if renamed_from:
        text = f"(``{safe_for_docstring(renamed_from)}``, renamed beside an argument of the same name) {text}".strip()
    return f"({safe_for_docstring(type_text)}): {text}".rstrip(": ")


def method(endpoint: Endpoint) -> MethodPlan:
    """One operation as a client object's method (see the module docstring for the naming rules)."""
    plan = MethodPlan(name=str(endpoint.name), returns=success_type(endpoint))
    taken = set(RESERVED)
    locations = (
        ("path", endpoint.path_parameters),
        ("query", endpoint.query_parameters),
        ("header", endpoint.header_parameters),
        ("cookie", endpoint.cookie_parameters),
    )
    for location, parameters in locations:
        for prop in parameters:
            name = _free(str(prop.python_name), location, taken)
            taken.add(name)
            renamed = wire_name(prop) if name != prop.python_name else None
            model = None
            if input_type(prop) != _code(prop):
                if not isinstance(prop, ModelProperty):
                    raise ValueError(
                        f"{endpoint.name}: parameter {wire_name(prop)}: only an object (not a list or union of"
                        " objects) can be given as a dict"
                    )
                model = prop.class_info.name
            argument_ = Argument(
                name,
                str(prop.python_name),
                argument(prop, name),
                _doc(prop, input_type(prop), renamed),
                wire_name(prop),
                model,
            )
            (plan.positional if location == "path" else plan.keywords).append(argument_)
    if len(endpoint.bodies) != 1:
        return plan  # several body types: the module functions take them (no spec here has any)
    body = endpoint.bodies[0].prop
    fields = (
        (body.required_properties or []) + (body.optional_properties or []) if isinstance(body, ModelProperty) else []
    )
    if not fields or not isinstance(body, ModelProperty):  # fields come only from a model
        name = _free("body", "request", taken)
        model = body.class_info.name if isinstance(body, ModelProperty) else None
        plan.body_argument = Argument(
            name, "body", argument(body, name), _doc(body, input_type(body), None), model=model
        )
        return plan
    plan.body_model = body.class_info.name
    for prop in fields:
        name = _free(str(prop.python_name), "body", taken)
        taken.add(name)
        renamed = wire_name(prop) if name != prop.python_name else None
        plan.body_fields.append(
            Argument(
                name,
                str(prop.python_name),
                argument(prop, name),
                _doc(prop, input_type(prop), renamed),
                wire_name(prop),
            )
        )
    return plan


def method_props(endpoint: Endpoint) -> list[Property]:
    """Every property a method's arguments are typed from: parameters, then the body's fields (or the body)."""
    props: list[Property] = [
        *endpoint.path_parameters,
        *endpoint.query_parameters,
        *endpoint.header_parameters,
        *endpoint.cookie_parameters,
    ]
    if len(endpoint.bodies) == 1:
        body = endpoint.bodies[0].prop
        fields = (
            (body.required_properties or []) + (body.optional_properties or [])
            if isinstance(body, ModelProperty)
            else []
        )
        props += fields or [body]
    return props


def type_imports(endpoints: Iterable[Endpoint], prefix: str = ".models") -> list[str]:
    """The imports a module of methods for ``endpoints`` needs for its argument and return types."""
    modules: dict[str, set[str]] = {}
    for endpoint in endpoints:
        props = method_props(endpoint) + [
            response.prop for response in success_responses(endpoint) if has_body(response)
        ]
        if len(endpoint.bodies) == 1:
            props.append(endpoint.bodies[0].prop)
        for prop in props:
            for part in _walk(prop):
                if isinstance(part, (ModelProperty, EnumProperty)):
                    names = modules.setdefault(part.class_info.module_name, set())
                    names.add(part.class_info.name)
                    if isinstance(part, ModelProperty) and is_closed(part):
                        names.add(typeddict_name(part))
    return [f"from {prefix}.{module} import {', '.join(sorted(names))}" for module, names in sorted(modules.items())]


# -- the quickstart ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExampleCall:
    """A method call with example values: ``accounts.update_account(UUID("…"), first_name="Ann")``."""

    tag: str
    method: str
    arguments: str  # the argument list, as Python source
    imports: list[str]  # what the values need (``from uuid import UUID``)


def _literal(value: Any, prop: PropertyProtocol) -> tuple[str, list[str]]:
    if isinstance(prop, UuidProperty) and isinstance(value, str):
        return f"UUID({value!r})", ["from uuid import UUID"]
    if isinstance(prop, DateTimeProperty) and isinstance(value, str):
        return f"datetime.datetime.fromisoformat({value!r})", ["import datetime"]
    if isinstance(prop, DateProperty) and isinstance(value, str):
        return f"datetime.date.fromisoformat({value!r})", ["import datetime"]
    if isinstance(prop, UnionProperty) and isinstance(value, str):
        for inner in prop.inner_properties:
            if not isinstance(inner, NoneProperty):
                return _literal(value, inner)
    return repr(value), []


def example_call(endpoint: Endpoint, tag: str, example: dict[str, Any]) -> ExampleCall:
    """``endpoint``'s method called with ``example`` (``parameters``: by wire name; ``body``: the JSON body).

    The body's top-level keys become the keyword arguments of its fields; nested values stay dicts
    (the TypedDict form), written as Python literals.
    """
    plan = method(endpoint)
    parameters: dict[str, Any] = example.get("parameters") or {}
    body: dict[str, Any] = example.get("body") or {}
    parts: list[str] = []
    imports: list[str] = []
    props = {
        str(prop.python_name): prop
        for prop in endpoint.path_parameters + endpoint.query_parameters + endpoint.header_parameters
    }
    for argument_ in plan.positional + plan.keywords:
        prop = props[argument_.target]
        if wire_name(prop) not in parameters:
            continue
        text, needed = _literal(parameters[wire_name(prop)], prop)
        imports += needed
        parts.append(text if argument_ in plan.positional else f"{argument_.name}={text}")
    body_props = {}
    if plan.body_model is not None:
        model = endpoint.bodies[0].prop
        assert isinstance(model, ModelProperty)
        body_props = {
            wire_name(prop): prop for prop in (model.required_properties or []) + (model.optional_properties or [])
        }
    by_target = {argument_.target: argument_ for argument_ in plan.body_fields}
    for key, value in body.items():
        if key not in body_props:
            raise ValueError(f"{endpoint.name}: the quickstart body has {key!r}, which the body schema does not")
        prop = body_props[key]
        text, needed = _literal(value, prop)
        imports += needed
        parts.append(f"{by_target[str(prop.python_name)].name}={text}")
    return ExampleCall(tag, plan.name, ", ".join(parts), sorted(set(imports)))
