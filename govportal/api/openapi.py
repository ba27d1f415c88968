"""The OpenAPI 3 description of ``/api/v1/``, and what the docs page shows of it."""

from django.conf import settings

from govportal.agencies.models import AgencyType, Region

SLUG = r"^[-a-zA-Z0-9_]+$"
PLAIN_TEXT = r"^[^\x00-\x1f]*$"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
LINK = {
    "type": "object",
    "required": ["id", "title", "url"],
    "properties": {"id": INTEGER, "title": STRING, "url": _nullable(STRING)},
}


def _object(properties: dict, *, optional: tuple = ()) -> dict:
    return {
        "type": "object",
        "required": [name for name in properties if name not in optional],
        "properties": properties,
    }


def _page_of(item: str) -> dict:
    return _object(
        {
            "language": STRING,
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": 100},
            "next": _nullable(STRING),
            "previous": _nullable(STRING),
            "results": {"type": "array", "items": _ref(item)},
        }
    )


def _common() -> dict:
    return {
        "id": INTEGER,
        "translation_key": {"type": "string", "format": "uuid"},
        "language": STRING,
    }


def schemas() -> dict:
    news = _object(
        {
            **_common(),
            "title": STRING,
            "url": _nullable(STRING),
            "date": {"type": "string", "format": "date-time"},
            "lead": STRING,
            "category": _nullable(_object({"slug": STRING, "name": STRING})),
            "agency": _nullable(LINK),
            "image": _nullable(STRING),
            "author": STRING,
            "source": STRING,
        }
    )
    announcement = _object(
        {
            **_common(),
            "title": STRING,
            "url": _nullable(STRING),
            "date": {"type": "string", "format": "date"},
            "summary": STRING,
        }
    )
    return {
        "Error": _object(
            {
                "error": _object(
                    {
                        "status": INTEGER,
                        "code": STRING,
                        "message": STRING,
                        "parameter": STRING,
                    },
                    optional=("parameter",),
                )
            }
        ),
        "News": news,
        "NewsDetail": {
            "allOf": [
                news,
                _object({"body": STRING, "tags": {"type": "array", "items": STRING}}),
            ]
        },
        "NewsPage": _page_of("News"),
        "Announcement": announcement,
        "AnnouncementDetail": {"allOf": [announcement, _object({"body": STRING})]},
        "AnnouncementPage": _page_of("Announcement"),
        "Agency": _object(
            {
                **_common(),
                "title": STRING,
                "official_name": STRING,
                "short_name": STRING,
                "type": {"type": "string", "enum": AgencyType.values},
                "type_label": STRING,
                "region": _nullable({"type": "string", "enum": Region.values}),
                "region_label": _nullable(STRING),
                "url": _nullable(STRING),
                "address": STRING,
                "phone": STRING,
                "email": STRING,
                "website": STRING,
                "reception_hours": STRING,
                "latitude": _nullable({"type": "number"}),
                "longitude": _nullable({"type": "number"}),
                "is_demo_data": {"type": "boolean"},
            }
        ),
        "AgencyPage": _page_of("Agency"),
        "Helpline": _object(
            {
                **_common(),
                "agency": LINK,
                "purpose": STRING,
                "number": STRING,
                "short_number": STRING,
                "hours": STRING,
                "is_free": {"type": "boolean"},
                "languages": STRING,
            }
        ),
        "HelplinePage": _page_of("Helpline"),
        "Question": _object(
            {
                **_common(),
                "category": _object({"id": INTEGER, "name": STRING}),
                "question": STRING,
                "answer": {"type": "string", "description": "HTML"},
                "times_asked": INTEGER,
                "url": _nullable(STRING),
            }
        ),
        "QuestionPage": _page_of("Question"),
    }


def _query(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def parameters() -> dict:
    languages = [code for code, _name in settings.LANGUAGES]
    return {
        "lang": _query(
            "lang",
            "Language of the results (default: uz).",
            {"type": "string", "enum": languages},
        ),
        "page": _query(
            "page",
            "Page number, from 1.",
            {"type": "integer", "minimum": 1, "maximum": 100000},
        ),
        "page_size": _query(
            "page_size",
            "Results per page (default 20, at most 100).",
            {"type": "integer", "minimum": 1, "maximum": 100},
        ),
        "since": _query(
            "since",
            "Only items of this day or later.",
            {"type": "string", "format": "date"},
        ),
        "until": _query(
            "until",
            "Only items of this day or earlier.",
            {"type": "string", "format": "date"},
        ),
    }


def _param_ref(name: str) -> dict:
    return {"$ref": f"#/components/parameters/{name}"}


def _responses(schema: str, *, not_found: bool = False) -> dict:
    error = {"application/json": {"schema": _ref("Error")}}
    responses = {
        "200": {
            "description": "OK",
            "headers": {
                "ETag": {
                    "schema": STRING,
                    "description": "Send it back in If-None-Match.",
                },
            },
            "content": {"application/json": {"schema": _ref(schema)}},
        },
        "304": {"description": "Not modified since the ETag in If-None-Match."},
        "400": {"description": "A parameter is not valid.", "content": error},
        "429": {
            "description": "Too many requests: wait as long as Retry-After says.",
            "headers": {"Retry-After": {"schema": INTEGER}},
            "content": error,
        },
    }
    if not_found:
        responses["404"] = {"description": "No such item.", "content": error}
    else:
        responses["404"] = {
            "description": "No content in that language yet.",
            "content": error,
        }
    return responses


def _list(summary: str, description: str, schema: str, extra: list, tag: str) -> dict:
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "description": description,
            "operationId": f"list_{tag}",
            "parameters": [
                _param_ref("lang"),
                _param_ref("page"),
                _param_ref("page_size"),
                *extra,
            ],
            "responses": _responses(schema),
        }
    }


def _detail(summary: str, schema: str, tag: str) -> dict:
    return {
        "get": {
            "tags": [tag],
            "summary": summary,
            "operationId": f"get_{tag}",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": "The item's id (from a list).",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 2**53},
                }
            ],
            "responses": _responses(schema, not_found=True),
        }
    }


def paths() -> dict:
    slug = {"type": "string", "pattern": SLUG, "maxLength": 100}
    return {
        "/api/v1/news/": _list(
            "News",
            "News of every agency in one language, newest first.",
            "NewsPage",
            [
                _query("category", "A category slug, e.g. economics.", slug),
                _query("agency", "Only this agency's news: its slug.", slug),
                _param_ref("since"),
                _param_ref("until"),
            ],
            "news",
        ),
        "/api/v1/news/{id}/": _detail("One news item", "NewsDetail", "news"),
        "/api/v1/announcements/": _list(
            "New on the portal",
            "Announcements about the portal itself, newest first.",
            "AnnouncementPage",
            [_param_ref("since"), _param_ref("until")],
            "announcements",
        ),
        "/api/v1/announcements/{id}/": _detail(
            "One announcement", "AnnouncementDetail", "announcements"
        ),
        "/api/v1/agencies/": _list(
            "Agencies",
            "Ministries, committees, agencies and regional administrations, A to Z.",
            "AgencyPage",
            [
                _query(
                    "type",
                    "Type of agency.",
                    {"type": "string", "enum": AgencyType.values},
                ),
                _query(
                    "region",
                    "ISO 3166-2:UZ region code.",
                    {"type": "string", "enum": Region.values},
                ),
                _query(
                    "q",
                    "Words in the name, in any script.",
                    {"type": "string", "maxLength": 100, "pattern": PLAIN_TEXT},
                ),
            ],
            "agencies",
        ),
        "/api/v1/agencies/{id}/": _detail("One agency", "Agency", "agencies"),
        "/api/v1/helplines/": _list(
            "Helplines",
            "Phone lines of every agency, by agency.",
            "HelplinePage",
            [
                _query(
                    "agency",
                    "An agency id (from /api/v1/agencies/ in the same language).",
                    {"type": "integer", "minimum": 1, "maximum": 2**53},
                ),
                _query(
                    "free",
                    "Only free (true) or paid (false) lines.",
                    {"type": "boolean"},
                ),
            ],
            "helplines",
        ),
        "/api/v1/helplines/{id}/": _detail("One helpline", "Helpline", "helplines"),
        "/api/v1/faqs/": _list(
            "Frequently asked questions",
            "Questions and answers (HTML), by category.",
            "QuestionPage",
            [
                _query(
                    "category",
                    "A category id.",
                    {"type": "integer", "minimum": 1, "maximum": 2**53},
                )
            ],
            "faqs",
        ),
        "/api/v1/faqs/{id}/": _detail("One question", "Question", "faqs"),
    }


def openapi(*, server: str) -> dict:
    """The whole OpenAPI document, with ``server`` as the base address."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Government portal API",
            "version": "1.0.0",
            "description": (
                "Read-only public data of the portal in every language. Lists are "
                "paginated with page and page_size and say whether a next page "
                "exists. Answers carry an ETag and Cache-Control; CORS is open for "
                "GET. Each client address may make a limited number of requests a "
                "minute; past it the answer is 429 with Retry-After. Errors are "
                "JSON objects naming the bad parameter."
            ),
            "license": {
                "name": "CC BY 4.0",
                "url": "https://creativecommons.org/licenses/by/4.0/",
            },
        },
        "servers": [{"url": server}],
        "paths": paths(),
        "components": {"schemas": schemas(), "parameters": parameters()},
    }


def operations(document: dict) -> list[dict]:
    """Each operation with its parameters resolved, for the documentation page."""
    shared = document["components"]["parameters"]
    found = []
    for route, methods in document["paths"].items():
        for method, operation in methods.items():
            params = []
            for param in operation.get("parameters", []):
                if "$ref" in param:
                    param = shared[param["$ref"].rsplit("/", 1)[1]]
                schema = param["schema"]
                kind = schema.get("format") or schema.get("type", "")
                params.append(
                    {
                        "name": param["name"],
                        "where": param["in"],
                        "kind": kind,
                        "choices": schema.get("enum", []),
                        "description": param.get("description", ""),
                    }
                )
            found.append(
                {
                    "method": method.upper(),
                    "path": route,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": params,
                    "example": route.replace("{id}", "1")
                    if "{id}" in route
                    else f"{route}?lang=en",
                    "tag": operation["tags"][0],
                }
            )
    return found
