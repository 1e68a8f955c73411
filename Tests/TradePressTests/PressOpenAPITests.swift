import Foundation
import Testing
import TradePress
import TradeTestSupport

/// The OpenAPI document of `/api/` against the site's real answers: every documented path, with each
/// documented value of each parameter, answers 200 with a documented media type, and its JSON fits
/// the documented schema; the documented refusals fit the error schema.
@Suite struct PressOpenAPITests {
    typealias JSON = [String: Any]

    static func document(_ site: PressSite) async throws -> JSON {
        let answer = try await PressSiteTests.get(site, "/api/openapi.json")
        #expect(answer.status == 200)
        #expect(answer.header("Content-Type") == "application/json")
        return try #require(try JSONSerialization.jsonObject(with: answer.body) as? JSON)
    }

    /// The requests a documented operation is tried with: the parameters' examples (path), then each
    /// query parameter alone with each of its enumerated values or its example.
    static func targets(path: String, operation: JSON, parameters: JSON) throws -> [String] {
        var resolved = path
        var queries: [String] = []
        for item in operation["parameters"] as? [JSON] ?? [] {
            let parameter: JSON
            if let ref = item["$ref"] as? String {
                parameter = try #require(parameters[String(ref.split(separator: "/").last ?? "")] as? JSON, "\(ref)")
            } else {
                parameter = item
            }
            let name = try #require(parameter["name"] as? String)
            let schema = parameter["schema"] as? JSON ?? [:]
            let values = (schema["enum"] as? [Any] ?? []) + (parameter["example"].map { [$0] } ?? [])
            if parameter["in"] as? String == "path" {
                let example = try #require(parameter["example"], "\(path): path parameter \(name) has no example")
                resolved = resolved.replacingOccurrences(of: "{\(name)}", with: "\(example)")
            } else {
                #expect(!values.isEmpty, "\(path): query parameter \(name) has neither enum nor example")
                queries += values.map { "\(name)=\($0)" }
            }
        }
        return [resolved] + queries.map { resolved + "?" + $0 }
    }

    @Test func everyDocumentedPathAnswersAsDocumented() async throws {
        let (site, _, folder) = try PressSiteTests.site()
        defer { folder.remove() }
        let document = try await Self.document(site)
        #expect(document["openapi"] as? String == "3.0.3")
        let paths = try #require(document["paths"] as? [String: JSON])
        let components = try #require(document["components"] as? JSON)
        let validator = SchemaValidator(schemas: try #require(components["schemas"] as? JSON))
        let parameters = components["parameters"] as? JSON ?? [:]
        var tried = 0
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            let operation = try #require(item["get"] as? JSON, "\(path) has no GET")
            let responses = try #require(operation["responses"] as? JSON)
            let ok = try #require(responses["200"] as? JSON)
            let content = try #require(ok["content"] as? [String: JSON])
            for target in try Self.targets(path: path, operation: operation, parameters: parameters) {
                let answer = try await PressSiteTests.get(site, target)
                tried += 1
                #expect(answer.status == 200, "\(target): \(answer.text.prefix(300))")
                #expect(answer.header("ETag") != nil, "\(target): no ETag")
                let type = try #require(answer.header("Content-Type"), "\(target)")
                let essence = String(type.split(separator: ";")[0])
                let documented = try #require(content[essence], "\(target): \(type) is not documented")
                if essence == "application/json", let schema = documented["schema"] as? JSON {
                    let value = try JSONSerialization.jsonObject(with: answer.body, options: [.fragmentsAllowed])
                    let problems = validator.check(value, schema)
                    #expect(problems.isEmpty, "\(target): \(problems.prefix(5))")
                }
            }
        }
        #expect(tried >= 20)
        // The refusals: documented statuses, the error schema.
        for (target, status) in [
            ("/api/figures/2021-13", 400), ("/api/figures/2099-01", 404), ("/api/table/2021-04?format=pdf", 400),
            ("/api/table/2021-04?vs=2021", 400), ("/api/figures/2021-04?lang=fr", 400),
            ("/api/series?sector=NOPE", 400),
        ] {
            let answer = try await PressSiteTests.get(site, target)
            #expect(answer.status == status, "\(target)")
            let path = try #require(paths.keys.first { Self.matches(target, $0) }, "\(target) is not documented")
            let operation = try #require(paths[path]?["get"] as? JSON)
            var documented = try #require(
                (operation["responses"] as? JSON)?["\(status)"] as? JSON, "\(path) does not document \(status)")
            if let ref = documented["$ref"] as? String {
                let name = String(ref.split(separator: "/").last ?? "")
                documented = try #require((components["responses"] as? JSON)?[name] as? JSON, "\(ref)")
            }
            let schema = try #require(
                ((documented["content"] as? JSON)?["application/json"] as? JSON)?["schema"] as? JSON)
            let value = try JSONSerialization.jsonObject(with: answer.body)
            #expect(validator.check(value, schema).isEmpty, "\(target): \(answer.text)")
        }
    }

    /// The index `/api/` lists exactly the documented paths.
    @Test func theIndexListsTheDocumentedPaths() async throws {
        let (site, _, folder) = try PressSiteTests.site(files: ["mofcom-published-2017-2022.csv"])
        defer { folder.remove() }
        let document = try await Self.document(site)
        let paths = try #require(document["paths"] as? JSON).keys.sorted()
        let index = try await PressSiteTests.get(site, "/api/")
        let listed = try #require(
            (try JSONSerialization.jsonObject(with: index.body) as? JSON)?["endpoints"] as? JSON)
        let shown = listed.keys.map { key in
            String(key.split(separator: "?")[0]).replacingOccurrences(of: "{YYYY-MM}", with: "{month}")
        }
        #expect((shown + ["/api/"]).sorted() == paths)
    }

    /// Whether `target` (no query) is an instance of the documented `path`.
    static func matches(_ target: String, _ path: String) -> Bool {
        let a = target.split(separator: "?")[0].split(separator: "/")
        let b = path.split(separator: "/")
        return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || $1.hasPrefix("{") }
    }

    @Test func theValidatorFindsMismatches() {
        let validator = SchemaValidator(schemas: [
            "Row": [
                "type": "object", "required": ["a"], "additionalProperties": false,
                "properties": ["a": ["type": "integer"], "b": ["type": "string", "nullable": true, "pattern": "^x"]],
            ]
        ])
        let row: [String: Any] = ["$ref": "#/components/schemas/Row"]
        #expect(validator.check(["a": 1, "b": "xy"], row).isEmpty)
        #expect(validator.check(["a": 1, "b": NSNull()], row).isEmpty)
        #expect(validator.check(["b": "xy"], row) == ["$: a is missing"])
        #expect(validator.check(["a": 1.5], row) == ["$.a: 1.5 is not an integer"])
        #expect(validator.check(["a": 1, "c": 2], row) == ["$: c is not documented"])
        #expect(validator.check(["a": 1, "b": "y"], row) == ["$.b: \"y\" does not match ^x"])
    }
}

/// A small JSON Schema checker for the subset the OpenAPI document uses (OpenAPI 3.0: `type`,
/// `nullable`, `enum`, `pattern`, `minimum`, `maximum`, `required`, `properties`,
/// `additionalProperties`, `items`, `$ref`).
struct SchemaValidator {
    let schemas: [String: Any]

    func check(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = schemas[String(ref.split(separator: "/").last ?? "")] as? [String: Any] else {
                return ["\(path): \(ref) is not defined"]
            }
            return check(value, target, at: path)
        }
        if value is NSNull {
            return schema["nullable"] as? Bool == true || schema["type"] == nil ? [] : ["\(path): null is not allowed"]
        }
        if let allowed = schema["enum"] as? [String], !allowed.contains("\(value)") {
            return ["\(path): \(value) is not one of \(allowed)"]
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            var problems = (schema["required"] as? [String] ?? []).filter { object[$0] == nil }.map {
                "\(path): \($0) is missing"
            }
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = properties[key] {
                    problems += check(item, property, at: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += check(item, extra, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): \(key) is not documented")
                }
            }
            return problems
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { check($0.element, items, at: "\(path)[\($0.offset)]") }
        case "string":
            guard let text = value as? String else { return ["\(path): \(value) is not a string"] }
            if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
                return ["\(path): \"\(text)\" does not match \(pattern)"]
            }
            return []
        case "boolean":
            return isBoolean(value) ? [] : ["\(path): \(value) is not a boolean"]
        case "integer", "number":
            guard let number = value as? NSNumber, !isBoolean(value) else {
                return ["\(path): \(value) is not a number"]
            }
            if schema["type"] as? String == "integer", number.doubleValue.rounded() != number.doubleValue {
                return ["\(path): \(value) is not an integer"]
            }
            return []
        default:
            return []
        }
    }

    private func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}
