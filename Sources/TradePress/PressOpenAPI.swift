/// The OpenAPI 3 document of the press site's `/api/` (served at `/api/openapi.json`): every path,
/// parameter, media type and JSON schema as the site really answers them. Hand-written; the tests
/// check it against the answers (`PressOpenAPITests`: every documented path, every table column)
/// and schemathesis fuzzes a running `svctrade serve` against it (`PressAPIFuzzTests`).
enum PressOpenAPI {
    /// The answers of a path for a bad request, an unknown month and a store that cannot be read.
    static let errorAnswers = """
        "400": {"$ref": "#/components/responses/BadRequest"},
                  "404": {"$ref": "#/components/responses/NotFound"},
                  "503": {"$ref": "#/components/responses/Unavailable"}
        """

    /// The table formats as a JSON list, JSON first (``PressAPI/formats``).
    static let tableFormats = PressAPI.formats.split(separator: "|").map { "\"\($0)\"" }.joined(separator: ", ")

    /// The document, JSON.
    static let document = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "svctrade press API",
            "version": "1",
            "description": "Read-only JSON (and CSV, Excel, …) of `svctrade serve` for other tools: the same bytes as the commands `svctrade figures`, `table` and `series`. Every answer is GET (or HEAD); a bad parameter is a 4xx with a JSON body that says what is valid, never a 5xx for a request."
          },
          "paths": {
            "/api/": {
              "get": {
                "operationId": "index",
                "summary": "what each endpoint returns",
                "responses": {
                  "200": {
                    "description": "the endpoints",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {
                      "application/json": {
                        "schema": {
                          "type": "object",
                          "additionalProperties": false,
                          "required": ["endpoints"],
                          "properties": {"endpoints": {"type": "object", "additionalProperties": {"type": "string"}}}
                        }
                      }
                    }
                  },
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            },
            "/api/openapi.json": {
              "get": {
                "operationId": "openapi",
                "summary": "this document",
                "responses": {
                  "200": {
                    "description": "the OpenAPI 3 document",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {"application/json": {"schema": {"type": "object", "required": ["openapi", "paths"]}}}
                  }
                }
              }
            },
            "/api/months": {
              "get": {
                "operationId": "months",
                "summary": "the months with national January-to-month figures that are released (not under embargo), oldest first",
                "responses": {
                  "200": {
                    "description": "the months",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Months"}}}
                  },
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            },
            "/api/figures/{month}": {
              "get": {
                "operationId": "figures",
                "summary": "the press sentences of a month, every number with its provenance (svctrade figures --format json)",
                "parameters": [
                  {"$ref": "#/components/parameters/month"},
                  {
                    "name": "lang",
                    "in": "query",
                    "schema": {"type": "string", "enum": ["zh", "en"], "default": "zh"}
                  },
                  {"$ref": "#/components/parameters/vs"}
                ],
                "responses": {
                  "200": {
                    "description": "the sentences",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PressRelease"}}}
                  },
                  \#(errorAnswers)
                }
              }
            },
            "/api/table/{month}": {
              "get": {
                "operationId": "table",
                "summary": "the bulletin table of the nation (svctrade table --format …)",
                "parameters": [
                  {"$ref": "#/components/parameters/month"},
                  {
                    "name": "format",
                    "in": "query",
                    "schema": {
                      "type": "string",
                      "enum": [\#(tableFormats)],
                      "default": "json"
                    }
                  },
                  {
                    "name": "lang",
                    "in": "query",
                    "schema": {"type": "string", "enum": ["en", "zh"], "default": "en"}
                  },
                  {"$ref": "#/components/parameters/vs"}
                ],
                "responses": {
                  "200": {
                    "description": "the table, in the format asked",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {
                      "application/json": {
                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/TableRow"}}
                      },
                      "text/plain": {"schema": {"type": "string", "description": "format=text"}},
                      "text/csv": {"schema": {"type": "string", "description": "format=csv"}},
                      "text/markdown": {"schema": {"type": "string", "description": "format=md"}},
                      "text/html": {"schema": {"type": "string", "description": "format=html"}},
                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                        "schema": {"type": "string", "description": "format=xlsx"}
                      }
                    }
                  },
                  \#(errorAnswers)
                }
              }
            },
            "/api/series": {
              "get": {
                "operationId": "series",
                "summary": "the series in the store (svctrade series)",
                "description": "Months under embargo (release.toml: their release moment has not come) are left out: every figure ending in such a month (its January-to-month and monthly figures) and its monthly values, so first, last, gaps, observations and vintages are those of what is shown (the month shows as a gap). With no month under embargo the answer is svctrade series byte for byte.",
                "parameters": [
                  {
                    "name": "format",
                    "in": "query",
                    "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}
                  },
                  {
                    "name": "region",
                    "in": "query",
                    "description": "a region code or name (CN, beijing, xixian)",
                    "schema": {"type": "string"},
                    "example": "CN"
                  },
                  {
                    "name": "sector",
                    "in": "query",
                    "description": "a sector code (S, SD, KIS)",
                    "schema": {"type": "string"},
                    "example": "SD"
                  }
                ],
                "responses": {
                  "200": {
                    "description": "one row per series",
                    "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                    "content": {
                      "application/json": {
                        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/SeriesRow"}}
                      },
                      "text/csv": {"schema": {"type": "string"}}
                    }
                  },
                  "400": {"$ref": "#/components/responses/BadRequest"},
                  "503": {"$ref": "#/components/responses/Unavailable"}
                }
              }
            }
          },
          "components": {
            "headers": {
              "ETag": {
                "description": "entity tag of the body (send it back in If-None-Match for a 304)",
                "required": true,
                "schema": {"type": "string"}
              }
            },
            "responses": {
              "BadRequest": {
                "description": "a parameter is not valid; the message says what is",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "NotFound": {
                "description": "the store has no national January-to-month figures for that month, or the month is under embargo (its error says until when, e.g. '2025-10 is embargoed until 2025-12-03 00:00 UTC+08:00')",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              },
              "Unavailable": {
                "description": "the store could not be read",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
              }
            },
            "parameters": {
              "month": {
                "name": "month",
                "in": "path",
                "required": true,
                "description": "the last month covered, YYYY-MM (one of /api/months)",
                "schema": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
                "example": "2021-04"
              },
              "vs": {
                "name": "vs",
                "in": "query",
                "description": "a comparison year: from 2000 to the year before the month's",
                "schema": {"type": "integer", "minimum": 2000, "maximum": 9999},
                "example": 2019
              }
            },
            "schemas": {
              "Error": {
                "type": "object",
                "additionalProperties": false,
                "required": ["error", "status"],
                "properties": {
                  "error": {"type": "string", "description": "what was wrong and what would be valid"},
                  "status": {"type": "integer"}
                }
              },
              "Months": {
                "type": "object",
                "additionalProperties": false,
                "required": ["latest", "months"],
                "properties": {
                  "latest": {"type": "string", "nullable": true, "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
                  "months": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"}}
                }
              },
              "PressRelease": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "through",
                  "language",
                  "sentences",
                  "computed",
                  "missing",
                  "shortened",
                  "withheld",
                  "notes"
                ],
                "properties": {
                  "through": {"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$"},
                  "language": {"type": "string", "enum": ["zh", "en"]},
                  "sentences": {"type": "array", "items": {"$ref": "#/components/schemas/Sentence"}},
                  "computed": {"type": "array", "items": {"$ref": "#/components/schemas/Sentence"}},
                  "missing": {"type": "array", "items": {"$ref": "#/components/schemas/Missing"}},
                  "shortened": {"type": "array", "items": {"$ref": "#/components/schemas/Missing"}},
                  "withheld": {"type": "object", "additionalProperties": {"type": "string"}},
                  "notes": {"type": "array", "items": {"type": "string"}}
                }
              },
              "Sentence": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "text", "numbers", "computed_block"],
                "properties": {
                  "id": {"type": "string"},
                  "text": {"type": "string"},
                  "numbers": {"type": "array", "items": {"$ref": "#/components/schemas/PressNumber"}},
                  "computed_block": {"type": "boolean"}
                }
              },
              "PressNumber": {
                "type": "object",
                "additionalProperties": false,
                "required": ["key", "text", "unit", "rounding", "formula", "status", "inputs", "in_release"],
                "properties": {
                  "key": {"type": "string"},
                  "text": {"type": "string"},
                  "value": {"type": "number"},
                  "unit": {"type": "string"},
                  "rounding": {"type": "string"},
                  "formula": {"type": "string"},
                  "status": {"type": "string"},
                  "inputs": {"type": "array", "items": {"$ref": "#/components/schemas/PressInput"}},
                  "in_release": {"type": "boolean"}
                }
              },
              "PressInput": {
                "type": "object",
                "additionalProperties": false,
                "required": ["series", "period", "value", "unit", "origin", "sources", "read_at", "status"],
                "properties": {
                  "series": {"type": "string"},
                  "period": {"type": "string"},
                  "value": {"type": "string", "description": "exact decimal, as stored"},
                  "unit": {"type": "string"},
                  "origin": {"type": "string"},
                  "sources": {"type": "array", "items": {"type": "string"}, "description": "what to cite: the page's address, or the publisher's code (MOFCOM, SAFE) for a figure read at a mirror copy; never a mirror's address"},
                  "read_at": {"type": "array", "items": {"type": "string"}, "description": "the mirror copies the figure was read at (evidence, never a citation); empty when sources is the page it was read at"},
                  "status": {"type": "string"}
                }
              },
              "Missing": {
                "type": "object",
                "required": ["id", "lacking"],
                "additionalProperties": false,
                "properties": {"id": {"type": "string"}, "lacking": {"type": "array", "items": {"type": "string"}}}
              },
              "TableRow": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "region",
                  "sector",
                  "flow",
                  "currency",
                  "period_from",
                  "period_to",
                  "value",
                  "unit",
                  "status",
                  "prior_value",
                  "yoy_pct",
                  "yoy_source",
                  "yoy_status",
                  "published_yoy_pct",
                  "base_restated",
                  "vs_base_pct",
                  "avg_growth_pct",
                  "share_pct",
                  "share_change_pp",
                  "contribution_pp",
                  "name",
                  "period_kind",
                  "value_origin",
                  "computed_yoy_pct",
                  "computed_yoy_low",
                  "computed_yoy_high",
                  "yoy_change_pp",
                  "vs_base_year",
                  "vs_base_source",
                  "avg_growth_source",
                  "contribution_rate_pct",
                  "mom_pct_nsa",
                  "implied_revision",
                  "balance_change",
                  "balance_movement",
                  "export_import_gap_pp",
                  "illustrative",
                  "value_low",
                  "value_high",
                  "share_status",
                  "share_change_status",
                  "contribution_status"
                ],
                "properties": {
                  "region": {"type": "string", "description": "region code (CN, beijing, …)"},
                  "sector": {
                    "type": "string",
                    "description": "sector code (EBOPS 2010: S, SC, SD, … and KIS, EXTRAVEL)"
                  },
                  "flow": {"type": "string", "enum": ["total", "export", "import", "balance"]},
                  "currency": {"type": "string", "enum": ["CNY", "USD"]},
                  "period_from": {"type": "string", "description": "first month of the period, YYYY-MM"},
                  "period_to": {"type": "string", "description": "last month of the period, YYYY-MM"},
                  "value": {
                    "type": "number",
                    "nullable": true,
                    "description": "level in `unit`, exactly as published or computed (null: no level)"
                  },
                  "unit": {"type": "string", "description": "unit of the levels, e.g. CNY 100m"},
                  "status": {
                    "type": "string",
                    "nullable": true,
                    "description": "published, computed, derived, implied or illustrative"
                  },
                  "prior_value": {"type": "number", "nullable": true, "description": "level a year earlier"},
                  "yoy_pct": {"type": "number", "nullable": true, "description": "year-on-year rate, %"},
                  "yoy_source": {"type": "string", "nullable": true},
                  "yoy_status": {"type": "string", "nullable": true},
                  "published_yoy_pct": {"type": "number", "nullable": true},
                  "base_restated": {"type": "boolean", "nullable": true},
                  "vs_base_pct": {
                    "type": "number",
                    "nullable": true,
                    "description": "change against the year of vs=, %"
                  },
                  "avg_growth_pct": {"type": "number", "nullable": true},
                  "share_pct": {"type": "number", "nullable": true},
                  "share_change_pp": {"type": "number", "nullable": true},
                  "contribution_pp": {"type": "number", "nullable": true},
                  "name": {"type": "string", "description": "the sector's name in lang"},
                  "period_kind": {"type": "string", "enum": ["month", "year-to-date"]},
                  "value_origin": {"type": "string", "nullable": true},
                  "computed_yoy_pct": {"type": "number", "nullable": true},
                  "computed_yoy_low": {"type": "number", "nullable": true},
                  "computed_yoy_high": {"type": "number", "nullable": true},
                  "yoy_change_pp": {"type": "number", "nullable": true},
                  "vs_base_year": {"type": "integer", "nullable": true},
                  "vs_base_source": {"type": "string", "nullable": true},
                  "avg_growth_source": {"type": "string", "nullable": true},
                  "contribution_rate_pct": {"type": "number", "nullable": true},
                  "mom_pct_nsa": {"type": "number", "nullable": true},
                  "implied_revision": {"type": "number", "nullable": true},
                  "balance_change": {"type": "number", "nullable": true},
                  "balance_movement": {"type": "string", "nullable": true},
                  "export_import_gap_pp": {"type": "number", "nullable": true},
                  "illustrative": {
                    "type": "boolean",
                    "description": "true: a generated (illustrative) figure, not a published one"
                  },
                  "value_low": {"type": "number", "nullable": true},
                  "value_high": {"type": "number", "nullable": true},
                  "share_status": {
                    "type": "string",
                    "nullable": true,
                    "description": "what share_pct is: published, or computed from the levels"
                  },
                  "share_change_status": {
                    "type": "string",
                    "nullable": true,
                    "description": "what share_change_pp is: published, or computed/implied from the levels and bases"
                  },
                  "contribution_status": {
                    "type": "string",
                    "nullable": true,
                    "description": "what contribution_pp and contribution_rate_pct are: computed or implied (never published)"
                  }
                }
              },
              "SeriesRow": {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "region",
                  "sector",
                  "flow",
                  "currency",
                  "first",
                  "last",
                  "observations",
                  "vintages",
                  "gaps"
                ],
                "properties": {
                  "region": {"type": "string"},
                  "sector": {"type": "string"},
                  "flow": {"type": "string"},
                  "currency": {"type": "string"},
                  "first": {"type": "string", "description": "first month, YYYY-MM"},
                  "last": {"type": "string", "description": "last month, YYYY-MM"},
                  "observations": {"type": "integer"},
                  "vintages": {"type": "integer"},
                  "gaps": {
                    "type": "string",
                    "nullable": true,
                    "description": "months without a value, e.g. 2020-04 2021-01..2021-03"
                  }
                }
              }
            }
          }
        }
        """#
}
