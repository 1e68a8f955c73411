import Foundation
import TradeBulletin
import TradeCore
import TradeReport

/// The press page of a month, server-rendered: the month picker (a plain form, so it works with
/// scripts off), the press sentences with a copy button each, every number a link to its
/// provenance (status, formula, inputs, sources), the bulletin tables, the charts inline, and the
/// downloads. Chinese and English side by side on a wide screen, one after the other on a phone.
enum PressPage {
    private static let e = MarkupEscaping.escape

    static func page(edition: PressEdition, languages: [Language], months: [Period], pdf: Bool) -> String {
        let month = edition.month
        let title = languages.compactMap { edition.document($0)?.title }.joined(separator: " · ")
        var body = picker(months: months, month: month, languages: languages, baseYear: edition.baseYear)
        body += "<main>\n<div class=\"columns\(languages.count > 1 ? " two" : "")\">\n"
        for language in languages {
            if let document = edition.document(language) { body += section(document, edition: edition) }
        }
        body += "</div>\n" + downloads(edition, pdf: pdf) + "</main>\n"
        let api = "/api/figures/\(month)?lang=\(languages.first?.rawValue ?? "zh")" + vsQuery(edition.baseYear)
        body +=
            "<footer class=\"site\">svctrade · \(e("只读页面，数字与命令行输出逐字节相同 / Read-only: the same figures, byte for byte, as the command line")) · <a href=\"\(e(api))\">JSON</a> · <a href=\"/api/\">API</a></footer>\n"
        return shell(title: title, lang: languages.count == 1 ? languages[0].tag : "zh-CN", body: body)
    }

    /// A refusal as a page: what was wrong, what is valid, and the picker to choose again.
    static func errorPage(_ refusal: PressRefusal, months: [Period]) -> PressResponse {
        let heading = refusal.status == 404 ? "没有找到 / Not found" : "请求无效 / Not a valid request"
        var body =
            months.isEmpty ? "" : picker(months: months, month: months.last, languages: [.zh, .en], baseYear: nil)
        body +=
            "<main>\n<div class=\"error\" role=\"alert\">\n<h2>\(refusal.status) — \(e(heading))</h2>\n<p>\(e(refusal.message))</p>\n</div>\n</main>\n"
        let html = shell(title: "\(refusal.status) — svctrade", lang: "zh-CN", body: body)
        return PressResponse(
            status: refusal.status, headers: [.init(name: "Content-Type", value: "text/html; charset=utf-8")],
            body: Data(html.utf8))
    }

    private static func shell(title: String, lang: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <link rel="stylesheet" href="/static/press.css">
        <script src="/static/press.js" defer></script>
        </head>
        <body>
        <header class="site"><h1>服务贸易数据 · 新闻发布 / Trade in services · press desk</h1><p>\(e("每个数字可点开查看来源；复制按钮复制整句 / Every number opens its source; copy takes the whole sentence"))</p></header>
        \(body)</body>
        </html>

        """
    }

    private static func vsQuery(_ baseYear: Int?) -> String {
        baseYear.map { "&vs=\($0)" } ?? ""
    }

    private static func picker(months: [Period], month: Period?, languages: [Language], baseYear: Int?) -> String {
        var out = "<form class=\"picker\" method=\"get\" action=\"/figures\">\n"
        out += "<label>月份 / Month <select name=\"month\">\n"
        for m in months.reversed() {
            out += "<option value=\"\(m)\"\(m == month ? " selected" : "")>\(m)</option>\n"
        }
        out += "</select></label>\n<label>语言 / Language <select name=\"lang\">\n"
        let current = languages.count > 1 ? "both" : languages.first?.rawValue ?? "both"
        for (value, label) in [("both", "中文 + English"), ("zh", "中文"), ("en", "English")] {
            out += "<option value=\"\(value)\"\(value == current ? " selected" : "")>\(label)</option>\n"
        }
        out += "</select></label>\n<label>对比年份 / Compare with <select name=\"vs\">\n"
        out += "<option value=\"\"\(baseYear == nil ? " selected" : "")>—</option>\n"
        if let first = months.first?.year, let last = months.last?.year, first < last {
            for year in (first..<last).reversed() {
                out += "<option value=\"\(year)\"\(year == baseYear ? " selected" : "")>\(year)</option>\n"
            }
        }
        out += "</select></label>\n<button type=\"submit\">显示 / Show</button>\n</form>\n"
        return out
    }

    private static func section(_ document: BulletinDocument, edition: PressEdition) -> String {
        let zh = document.language == .zh
        let lang = document.language.rawValue
        var out = "<section class=\"language\" lang=\"\(document.language.tag)\">\n<h2>\(e(document.title))</h2>\n"
        out += "<h3>\(zh ? "新闻发布口径" : "Press sentences")</h3>\n"
        for sentence in document.release.sentences {
            out += self.sentence(sentence, id: "\(lang)-\(sentence.id)", zh: zh)
        }
        let report = document.release.report(explain: false)
        if !report.isEmpty {
            out +=
                "<details class=\"withheld\"><summary>\(zh ? "未写入的内容" : "Left out")</summary><pre>\(e(report))</pre></details>\n"
        }
        out += "<p class=\"withheld\">\(e(document.citations.line(zh: zh)))</p>\n"
        let tables: [(String, Table?)] = [
            (zh ? "数据表" : "Bulletin table", document.table),
            (zh ? "分领域" : "By category", document.categoryTable),
            (zh ? "人民币与美元" : "CNY and USD", document.currencyTable),
            (zh ? "月度" : "Monthly", document.monthlyTable),
            (zh ? "修订" : "Revisions", document.revisionsTable),
            (zh ? "修订（各次公布）" : "Revised prints", document.revisedTable),
        ]
        for (heading, table) in tables {
            guard let table, !table.rows.isEmpty else { continue }
            out += "<h3>\(e(heading))</h3>\n<div class=\"table\">\n" + HTMLRenderer.render(table) + "</div>\n"
        }
        let charts = document.charts + document.pilotCharts
        if !charts.isEmpty {
            out += "<h3>\(zh ? "图表" : "Charts")</h3>\n"
            for chart in charts {
                let file = "/download/\(edition.month)/\(chart.file)" + (edition.baseYear.map { "?vs=\($0)" } ?? "")
                out +=
                    "<figure>\n\(chart.svg.trimmingCharacters(in: .newlines))\n<figcaption>\(e(chart.caption)) · <a href=\"\(e(file))\">SVG</a></figcaption>\n</figure>\n"
            }
        }
        return out + "</section>\n"
    }

    /// A sentence with each of its numbers linked to its provenance entry, a copy button (shown when
    /// scripts run) and the provenance list.
    private static func sentence(_ sentence: PressRelease.Sentence, id: String, zh: Bool) -> String {
        var text = Substring(sentence.text)
        var quote = ""
        for (k, number) in sentence.numbers.enumerated() {
            guard !number.text.isEmpty, let range = text.range(of: number.text) else { continue }
            quote += e(String(text[..<range.lowerBound]))
            quote +=
                "<a class=\"num\" href=\"#\(id)-\(k + 1)\" title=\"\(e(statusName(number.status, zh: zh)) + " · " + e(number.formula))\">\(e(number.text))</a>"
            text = text[range.upperBound...]
        }
        quote += e(String(text))
        var out = "<div class=\"sentence\" id=\"\(id)\">\n<p class=\"quote\" id=\"\(id)-text\">\(quote)</p>\n"
        out +=
            "<div class=\"tools\"><button type=\"button\" class=\"copy\" data-copy=\"\(id)-text\" data-done=\"\(zh ? "已复制" : "Copied")\" hidden>\(zh ? "复制" : "Copy")</button>\n"
        out +=
            "<details class=\"provenance\"><summary>\(zh ? "数字来源" : "Where the numbers come from") (\(sentence.numbers.count))</summary>\n<ol>\n"
        for (k, number) in sentence.numbers.enumerated() {
            out += "<li id=\"\(id)-\(k + 1)\"><b>\(e(number.text))</b> "
            out += "<span class=\"status \(e(number.status))\">\(e(statusName(number.status, zh: zh)))</span> "
            out += e(number.formula) + "; " + e(number.rounding) + "\n<ul>\n"
            for input in number.inputs {
                out +=
                    "<li>\(e(input.series)) \(e(input.period)): \(e(input.value)) \(e(input.unit)) (\(e(input.status)))"
                let sources = (input.sources + input.readAt).map(source)
                if !sources.isEmpty { out += " — " + sources.joined(separator: ", ") }
                out += "</li>\n"
            }
            out += "</ul></li>\n"
        }
        return out + "</ol></details></div>\n</div>\n"
    }

    /// A source: a publisher's code as it is (`MOFCOM`, cited for a figure read at a mirror copy), an
    /// address as a link when it may be cited, the bare address with its kind when it is a mirror copy
    /// or an unknown host (kept as evidence, never cited).
    private static func source(_ address: String) -> String {
        guard address.hasPrefix("http://") || address.hasPrefix("https://") else { return e(address) }
        let kind = SourceHosts.standard.kind(ofAddress: address)
        let host = SourceHosts.host(of: address) ?? address
        guard kind.isCitable else {
            return "<span class=\"uncited\" title=\"\(e(address))\">\(e(host)) (\(e(kind.rawValue)), not cited)</span>"
        }
        return "<a href=\"\(e(address))\" rel=\"noreferrer noopener\">\(e(host))</a> (\(e(kind.rawValue)))"
    }

    private static func statusName(_ status: String, zh: Bool) -> String {
        guard zh else { return status }
        switch status {
        case "published": return "公布数"
        case "computed": return "由公布数计算"
        case "derived": return "推算数"
        case "implied": return "反推数"
        default: return status
        }
    }

    private static func downloads(_ edition: PressEdition, pdf: Bool) -> String {
        let vs = edition.baseYear.map { "?vs=\($0)" } ?? ""
        var names = edition.downloads.map(\.name)
        if pdf, let i = names.firstIndex(of: "bulletin.html") { names.insert("bulletin.pdf", at: i + 1) }
        var out = "<h2>下载 / Downloads</h2>\n<ul class=\"downloads\">\n"
        for name in names {
            out +=
                "<li><a href=\"/download/\(edition.month)/\(e(name))\(vs)\" download>\(e(label(name)))</a> <small>\(e(name))</small></li>\n"
        }
        return out + "</ul>\n"
    }

    private static func label(_ name: String) -> String {
        switch name {
        case "bulletin.html": return "简报 HTML / Bulletin (HTML)"
        case "bulletin.pdf": return "简报 PDF / Bulletin (PDF)"
        case "bulletin.md": return "简报 Markdown / Bulletin (Markdown)"
        case "bulletin-zh.xlsx": return "Excel（中文）"
        case "bulletin-en.xlsx": return "Excel (English)"
        case "figures-zh.json": return "数字来源 JSON（中文）"
        case "figures-en.json": return "Provenance JSON (English)"
        case "table-en.csv": return "Table CSV (English)"
        case "table-zh.csv": return "数据表 CSV（中文）"
        default: return name.hasPrefix("charts/") ? "SVG" : name
        }
    }
}
