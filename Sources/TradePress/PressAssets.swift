import Foundation

/// The press page's style sheet and script (files of the site, so that the content security policy
/// needs no inline code), and the content type of each download.
enum PressAssets {
    /// `/static/NAME`.
    static func response(_ segments: [String]) throws(PressRefusal) -> PressResponse {
        let body: String
        let type: String
        switch segments {
        case ["static", "press.css"]: (body, type) = (css, "text/css; charset=utf-8")
        case ["static", "press.js"]: (body, type) = (script, "text/javascript; charset=utf-8")
        default:
            throw PressRefusal(
                status: 404, message: "no such file; the site's files are /static/press.css and /static/press.js")
        }
        let data = Data(body.utf8)
        return PressResponse(
            status: 200,
            headers: [
                .init(name: "Content-Type", value: type), .init(name: "ETag", value: "\"\(ContentDigest.hex(data))\""),
                .init(name: "Cache-Control", value: "public, max-age=3600"),
            ], body: data)
    }

    /// The media type of a download by its extension.
    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "pdf": return "application/pdf"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: return "application/octet-stream"
        }
    }

    /// Copy buttons: shown only when scripts run (the sentences are plain, selectable text without).
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll("button.copy").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () {
              var source = document.getElementById(button.dataset.copy);
              if (!source) { return; }
              var text = source.textContent;
              var done = function () {
                var label = button.textContent;
                button.textContent = button.dataset.done;
                setTimeout(function () { button.textContent = label; }, 1500);
              };
              if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text).then(done);
              } else {
                var area = document.createElement("textarea");
                area.value = text;
                document.body.appendChild(area);
                area.select();
                document.execCommand("copy");
                area.remove();
                done();
              }
            });
          });
        });

        """

    static let css = """
        :root { --ink: #1A1A1A; --muted: #595959; --rule: #D9D9D9; --accent: #0072B2; --paper: #FFFFFF; --tint: #F2F7FB; }
        * { box-sizing: border-box; }
        body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif;
          color: var(--ink); background: var(--paper); margin: 0; line-height: 1.6; }
        header.site { background: var(--accent); color: #FFFFFF; padding: 0.75rem 1rem; }
        header.site h1 { font-size: 1.15rem; margin: 0; font-weight: 700; }
        header.site p { margin: 0; font-size: 0.85rem; opacity: 0.9; }
        form.picker { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; padding: 0.75rem 1rem;
          background: var(--tint); border-bottom: 1px solid var(--rule); }
        form.picker label { display: flex; flex-direction: column; font-size: 0.8rem; color: var(--muted); }
        form.picker select, form.picker button { font: inherit; font-size: 1rem; padding: 0.3rem 0.5rem; min-height: 2.4rem; }
        form.picker button { background: var(--accent); color: #FFFFFF; border: 0; border-radius: 4px; padding: 0.3rem 1rem; }
        main { padding: 0 1rem 2rem; max-width: 84rem; margin: 0 auto; }
        .columns { display: grid; grid-template-columns: 1fr; gap: 2rem; }
        @media (min-width: 72rem) { .columns.two { grid-template-columns: 1fr 1fr; } }
        section.language { min-width: 0; }
        h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; }
        h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; border-bottom: 1px solid var(--rule); }
        .sentence { border-left: 4px solid var(--accent); background: var(--tint); margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
        .sentence p.quote { margin: 0; font-size: 1.05rem; }
        .sentence .tools { display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin-top: 0.25rem; }
        a.num { color: var(--ink); font-weight: 700; text-decoration: underline dotted var(--accent); text-underline-offset: 0.2em; }
        a.num:hover, a.num:focus { background: #FFF3C4; }
        button.copy { font: inherit; font-size: 0.85rem; border: 1px solid var(--accent); color: var(--accent); background: var(--paper);
          border-radius: 4px; padding: 0.1rem 0.6rem; cursor: pointer; }
        details.provenance { font-size: 0.85rem; color: var(--muted); }
        details.provenance summary { cursor: pointer; color: var(--accent); }
        details.provenance ol { padding-left: 1.25rem; }
        details.provenance li:target { background: #FFF3C4; }
        details.provenance .status { display: inline-block; padding: 0 0.4rem; border-radius: 3px; background: #E6E6E6; color: var(--ink); }
        details.provenance .status.published { background: #D7ECD9; }
        details.provenance .status.computed { background: #DCE9F5; }
        .withheld { font-size: 0.85rem; color: var(--muted); }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td:first-child { min-width: 6rem; }
        caption { text-align: left; color: var(--muted); }
        figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 0.85rem; }
        ul.downloads { columns: 2 16rem; padding-left: 1.25rem; }
        footer.site { color: var(--muted); font-size: 0.8rem; padding: 1rem; border-top: 1px solid var(--rule); }
        .error { max-width: 48rem; margin: 2rem auto; padding: 1rem; border-left: 4px solid #D55E00; background: #FBEFE8; }

        """
}
