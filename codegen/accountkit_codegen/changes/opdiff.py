"""Walk two versions of a document side by side: operations, webhooks, parameters, bodies, responses.

What a user of the generated client meets is named by the operation: its function (``operationId``),
its module (the first tag), its arguments (parameters and body) and what it returns (responses). The
walker matches operations by path and method, or by ``operationId`` when only the path or method
moved, and hands every schema it finds to the schema comparer with the direction it travels in.

Webhooks run the other way: the vendor sends the request and the user's code receives it, so a
webhook's payload and parameters are compared as what the client receives (response rules), and the
responses the user's code returns as what it sends (request rules).

Locations read like ``POST /Account/update_account request params.account_info.firstname``:
operation (or ``webhook <name> POST``), then ``request`` / ``response <status>`` /
``parameter <in>:<name>`` / ``header <name>``, then the schema path.
"""

from __future__ import annotations

from typing import Any

from ..spec.specresolve import deref
from ..spec.specs import HTTP_METHODS
from ..spec.specshape import mapping, sequence, show, text
from .diffmodel import ChangeLog
from .diffwords import compare_words, extensions
from .schemadiff import REQUEST, RESPONSE, SchemaComparer

JSON_MEDIA_TYPE = "application/json"
SERIALIZATION_KEYS = ("style", "explode", "allowReserved", "allowEmptyValue")

# What a client takes from a server: its URL and each variable's values; the rest is words and annotations.
SERVER_VARIABLE_KEYS = ("default", "enum")

Requirements = frozenset[frozenset[tuple[str, tuple[str, ...]]]]


def _security(requirements: Any) -> Requirements:
    """Security requirements as a set of alternatives, each a set of (scheme, scopes)."""
    return frozenset(
        frozenset(
            (text(name), tuple(sorted(text(scope) for scope in sequence(scopes)))) for name, scopes in alt.items()
        )
        for alt in (mapping(requirement) for requirement in sequence(requirements))
    )


def _client_view(servers: list[Any]) -> list[tuple[Any, dict[str, dict[str, Any]]]]:
    """The servers as a client sees them: each URL and its variables' values, in order."""
    return [
        (
            server.get("url"),
            {
                name: {key: value for key, value in mapping(variable).items() if key in SERVER_VARIABLE_KEYS}
                for name, variable in mapping(server.get("variables")).items()
            },
        )
        for server in map(mapping, servers)
    ]


def _show_security(requirements: Requirements) -> str:
    alternatives = sorted(" + ".join(sorted(name for name, _ in alt)) or "(anonymous)" for alt in requirements)
    return " or ".join(alternatives) or "none"


class OperationWalker:
    """Walks both documents, collecting changes into a ``ChangeLog`` (one instance per comparison)."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any], log: ChangeLog) -> None:
        self.old, self.new = old, new
        self.log = log
        self.schemas = SchemaComparer(old, new, log)

    def _words(self, location: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        compare_words(self.log.add, location, old, new)

    def _resolved(self, new_side: bool, node: Any) -> dict[str, Any]:
        return mapping(deref(self.new if new_side else self.old, node)[0])

    # -- the document -----------------------------------------------------------------------------------

    def document(self) -> None:
        if self.old and self.new:  # a spec added or removed as a whole is told by its operations alone
            old_info, new_info = mapping(self.old.get("info")), mapping(self.new.get("info"))
            self._words("info", old_info, new_info)
            for key in ("contact", "license", "termsOfService"):
                if old_info.get(key) != new_info.get(key):
                    self.log.add("description-changed", "info", f"{key} changed")
            self.servers()
            if self.old.get("tags") != self.new.get("tags"):
                self.log.add("description-changed", "tags", "the tag list or its descriptions changed")
            self._words("(document)", extensions(self.old), extensions(self.new))
        self.operations()
        self.webhooks()

    def servers(self) -> None:
        """The base URLs a client may use, or, when those are the same, the words and annotations around them."""
        old_servers, new_servers = sequence(self.old.get("servers")), sequence(self.new.get("servers"))
        if _client_view(old_servers) != _client_view(new_servers):
            self.log.add("servers-changed", "servers", "the servers (default base URLs) changed")
            return
        for old_server, new_server in zip(map(mapping, old_servers), map(mapping, new_servers), strict=True):
            location = f"server {text(new_server.get('url'))}"
            self._words(location, old_server, new_server)
            old_variables, new_variables = mapping(old_server.get("variables")), mapping(new_server.get("variables"))
            for name in new_variables:
                self._words(
                    f"{location} variable {name}", mapping(old_variables.get(name)), mapping(new_variables[name])
                )

    def _operations(self, new_side: bool, items: Any) -> dict[tuple[str, str], dict[str, Any]]:
        found = {}
        for path, item in mapping(items).items():
            item = self._resolved(new_side, item)
            for method in HTTP_METHODS:
                if isinstance(item.get(method), dict):
                    found[(path, method)] = {"operation": item[method], "item": item}
        return found

    def operations(self) -> None:
        """Match operations by path and method, or by operationId when the path or method moved."""
        old_ops = self._operations(False, self.old.get("paths"))
        new_ops = self._operations(True, self.new.get("paths"))
        new_by_id = {show(op["operation"].get("operationId")): key for key, op in new_ops.items()}
        moved_to: dict[tuple[str, str], tuple[str, str]] = {}
        for key, op in old_ops.items():
            operation_id = op["operation"].get("operationId")
            target = new_by_id.get(show(operation_id)) if operation_id and key not in new_ops else None
            if target is not None and target not in old_ops:
                moved_to[target] = key
        for key, op in old_ops.items():
            if key not in new_ops and key not in moved_to.values():
                operation_id = show(op["operation"].get("operationId"))
                self.log.add("operation-removed", _label(key), f"operation {operation_id} removed")
        for key, op in new_ops.items():
            label = _label(key)
            operation_id = show(op["operation"].get("operationId"))
            if key in moved_to:
                was = moved_to[key]
                self.log.add("operation-moved", label, f"operation {operation_id} moved from {_label(was)}")
                self.operation(label, old_ops[was], op)
            elif key in old_ops:
                self.operation(label, old_ops[key], op)
            else:
                self.log.add("operation-added", label, f"operation {operation_id} added")

    def webhooks(self) -> None:
        """Webhooks by name and method; what they carry is compared in the direction it travels."""
        old_hooks = self._operations(False, self.old.get("webhooks"))
        new_hooks = self._operations(True, self.new.get("webhooks"))
        for key in sorted(old_hooks.keys() - new_hooks.keys()):
            self.log.add("webhook-removed", f"webhook {key[0]} {key[1].upper()}", "webhook removed")
        for key in sorted(new_hooks):
            label = f"webhook {key[0]} {key[1].upper()}"
            if key not in old_hooks:
                self.log.add("webhook-added", label, "webhook added")
                continue
            old, new = old_hooks[key]["operation"], new_hooks[key]["operation"]
            self._words(label, old, new)
            old_body, new_body = (
                self._resolved(False, old.get("requestBody")),
                self._resolved(True, new.get("requestBody")),
            )
            self._words(f"{label} request", old_body, new_body)
            self.content(f"{label} request", RESPONSE, old_body.get("content"), new_body.get("content"))
            old_params = {_param_label(k): v for k, v in self._parameters(False, old_hooks[key]).items()}
            new_params = {_param_label(k): v for k, v in self._parameters(True, new_hooks[key]).items()}
            self.headers(label, old_params, new_params)
            self.responses(label, old.get("responses"), new.get("responses"), schemas=REQUEST)

    # -- one operation ----------------------------------------------------------------------------------

    def operation(self, label: str, old_entry: dict[str, Any], new_entry: dict[str, Any]) -> None:
        old, new = old_entry["operation"], new_entry["operation"]
        if old.get("operationId") != new.get("operationId"):
            detail = f"operationId {show(old.get('operationId'))} -> {show(new.get('operationId'))}"
            self.log.add("operation-renamed", label, f"{detail} (the generated function is renamed)")
        old_tags, new_tags = sequence(old.get("tags")), sequence(new.get("tags"))
        old_tag, new_tag = (old_tags or [None])[0], (new_tags or [None])[0]
        if old_tag != new_tag:
            detail = f"tag {show(old_tag)} -> {show(new_tag)} (the generated function moves to module api.{new_tag})"
            self.log.add("operation-tag-changed", label, detail)
        elif old_tags != new_tags:
            self.log.add("description-changed", label, "secondary tags changed")
        self._words(label, old, new)
        self.security(label, old, new)
        self.parameters(label, old_entry, new_entry)
        self.request_body(label, old.get("requestBody"), new.get("requestBody"))
        self.responses(label, old.get("responses"), new.get("responses"))
        for key in ("servers", "callbacks"):
            if old.get(key) != new.get(key):
                self.log.add("operation-keyword-changed", label, f"{key} changed")

    def security(self, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """The effective requirements (the operation's own, else the document's) and the schemes they use."""
        old_req = _security(old.get("security", self.old.get("security")))
        new_req = _security(new.get("security", self.new.get("security")))
        if old_req != new_req:
            detail = f"security {_show_security(old_req)} -> {_show_security(new_req)}"
            self.log.add("security-changed", label, detail)
        used = {name for alternative in old_req & new_req for name, _scopes in alternative}
        for name in sorted(used):
            if self._scheme(False, name) != self._scheme(True, name):
                self.log.add("security-scheme-changed", label, f"security scheme {name} changed")

    def _scheme(self, new_side: bool, name: str) -> dict[str, Any]:
        """A security scheme without its words: what the client must send."""
        document = self.new if new_side else self.old
        schemes = mapping(mapping(document.get("components")).get("securitySchemes"))
        scheme = self._resolved(new_side, schemes.get(name))
        return {key: value for key, value in scheme.items() if key != "description" and not key.startswith("x-")}

    # -- parameters -------------------------------------------------------------------------------------

    def _parameters(self, new_side: bool, entry: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
        """Path-item parameters overridden by the operation's own, keyed by (in, name)."""
        found = {}
        for raw in [*sequence(entry["item"].get("parameters")), *sequence(entry["operation"].get("parameters"))]:
            parameter = self._resolved(new_side, raw)
            where, name = text(parameter.get("in", "?")), text(parameter.get("name", "?"))
            found[(where, name.lower() if where == "header" else name)] = parameter
        return found

    def parameters(self, label: str, old_entry: dict[str, Any], new_entry: dict[str, Any]) -> None:
        old_params, new_params = self._parameters(False, old_entry), self._parameters(True, new_entry)
        for key in old_params:
            if key not in new_params:
                self.log.add("parameter-removed", f"{label} parameter {key[0]}:{key[1]}", "parameter removed")
        for key, new in new_params.items():
            location = f"{label} parameter {key[0]}:{key[1]}"
            if key not in old_params:
                if new.get("required") or key[0] == "path":
                    self.log.add("required-parameter-added", location, "new required parameter")
                else:
                    self.log.add("parameter-added", location, "optional parameter added")
                continue
            old = old_params[key]
            if bool(old.get("required")) != bool(new.get("required")):
                if new.get("required"):
                    self.log.add("parameter-now-required", location, "parameter is now required")
                else:
                    self.log.add("parameter-now-optional", location, "parameter is now optional")
            self._words(location, old, new)
            for keyword in SERIALIZATION_KEYS:
                if old.get(keyword) != new.get(keyword):
                    detail = f"{keyword} {show(old.get(keyword))} -> {show(new.get(keyword))}"
                    self.log.add("parameter-serialization-changed", location, detail)
            if "content" in old or "content" in new:
                self.content(location, REQUEST, old.get("content"), new.get("content"))
            else:
                self.schemas.compare(location, REQUEST, old.get("schema"), new.get("schema"), parameter=True)

    # -- bodies and responses -----------------------------------------------------------------------------

    def request_body(self, label: str, old_node: Any, new_node: Any) -> None:
        old, new = self._resolved(False, old_node), self._resolved(True, new_node)
        location = f"{label} request"
        if not old and not new:
            return
        if not new:
            self.log.add("request-body-removed", location, "request body removed")
            return
        if not old:
            if new.get("required"):
                self.log.add("required-request-body-added", location, "new required request body")
            else:
                self.log.add("request-body-added", location, "optional request body added")
            return
        if bool(old.get("required")) != bool(new.get("required")):
            if new.get("required"):
                self.log.add("request-body-now-required", location, "request body is now required")
            else:
                self.log.add("request-body-now-optional", location, "request body is now optional")
        self._words(location, old, new)
        self.content(location, REQUEST, old.get("content"), new.get("content"))

    def responses(self, label: str, old_node: Any, new_node: Any, *, schemas: str = RESPONSE) -> None:
        """Responses by status; ``schemas`` is the direction their bodies travel (a webhook's go back)."""
        old, new = mapping(old_node), mapping(new_node)
        for status in old:
            if status not in new:
                self.log.add("response-status-removed", f"{label} response {status}", f"response {status} removed")
        for status, new_response_node in new.items():
            location = f"{label} response {status}"
            if status not in old:
                self.log.add("response-status-added", location, f"response {status} added")
                continue
            old_response = self._resolved(False, old[status])
            new_response = self._resolved(True, new_response_node)
            self._words(location, old_response, new_response)
            self.headers(location, mapping(old_response.get("headers")), mapping(new_response.get("headers")))
            self.content(location, schemas, old_response.get("content"), new_response.get("content"))

    def headers(self, location: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Headers the client receives (a response's, or the parameters of a webhook's request)."""
        old_headers = {name.lower(): (name, node) for name, node in old.items()}
        new_headers = {name.lower(): (name, node) for name, node in new.items()}
        for key, (name, node) in old_headers.items():
            if key not in new_headers:
                required = self._resolved(False, node).get("required")
                rule = "response-required-header-removed" if required else "response-optional-header-removed"
                self.log.add(rule, f"{location} header {name}", "header removed")
        for key, (name, node) in new_headers.items():
            where = f"{location} header {name}"
            if key not in old_headers:
                self.log.add("response-header-added", where, "header added")
                continue
            old_header, new_header = self._resolved(False, old_headers[key][1]), self._resolved(True, node)
            if bool(old_header.get("required")) != bool(new_header.get("required")):
                if new_header.get("required"):
                    self.log.add("response-header-now-required", where, "header is now always sent")
                else:
                    self.log.add("response-header-now-optional", where, "header may now be missing")
            self._words(where, old_header, new_header)
            if "content" in old_header or "content" in new_header:
                self.content(where, RESPONSE, old_header.get("content"), new_header.get("content"))
            else:
                self.schemas.compare(where, RESPONSE, old_header.get("schema"), new_header.get("schema"))

    def content(self, location: str, direction: str, old_node: Any, new_node: Any) -> None:
        """Media types, and the schema of each shared one (a further one only if its schema differs).

        A removed media type is breaking both ways: a request can no longer be sent in it, a response no
        longer parsed from it.
        """
        old, new = mapping(old_node), mapping(new_node)
        for media_type in sorted(old.keys() - new.keys()):
            self.log.add(f"{direction}-media-type-removed", location, f"media type {media_type} removed")
        for media_type in sorted(new.keys() - old.keys()):
            self.log.add(f"{direction}-media-type-added", location, f"media type {media_type} added")
        shared = sorted(old.keys() & new.keys(), key=lambda name: (name != JSON_MEDIA_TYPE, name))
        compared: list[tuple[Any, Any]] = []
        for media_type in shared:
            old_media, new_media = mapping(old[media_type]), mapping(new[media_type])
            here = location if media_type == JSON_MEDIA_TYPE else f"{location} ({media_type})"
            if any(old_media.get(key) != new_media.get(key) for key in ("example", "examples")):
                self.log.add("example-changed", here, "examples changed")
            pair = (old_media.get("schema"), new_media.get("schema"))
            if pair not in compared:  # text/json next to application/json usually shares its schema
                compared.append(pair)
                self.schemas.compare(here, direction, *pair)


def _label(key: tuple[str, str]) -> str:
    return f"{key[1].upper()} {key[0]}"


def _param_label(key: tuple[str, str]) -> str:
    return key[1] if key[0] == "header" else f"{key[0]}:{key[1]}"
