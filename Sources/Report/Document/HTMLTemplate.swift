/// The Mustache template of `report.html`: one self-contained page, styles inline, charts as inline SVG, no
/// script and nothing fetched from the network. `{{…}}` escapes HTML; `{{{svg}}}` inserts our own escaped SVG.
enum HTMLTemplate {
    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{title}}</title>
        <style>
        body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f3f3f3; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .pass { color: #176e21; font-weight: bold; } .fail { color: #b00020; font-weight: bold; } .na { color: #777; }
        figure { margin: 1.5em 0; } figcaption { font-size: 13px; color: #555; }
        .missing { padding: 1em; background: #f7f7f7; color: #666; border: 1px dashed #bbb; }
        code { font-size: 11px; word-break: break-all; }
        </style>
        </head>
        <body>
        <h1>{{title}}</h1>
        <p>{{intro}}</p>
        {{#tables}}
        <h2>{{title}}</h2>
        <table>
        <tr><th>metric</th><th>unit</th>{{#groups}}<th>{{.}}</th>{{/groups}}</tr>
        {{#rows}}<tr><td>{{metric}}</td><td>{{unit}}</td>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>
        {{/rows}}
        </table>
        {{/tables}}
        <h2>Checks against theory</h2>
        <table>
        <tr><th>check</th><th>group</th><th>verdict</th><th>detail</th></tr>
        {{#checks}}<tr><td>{{name}}</td><td>{{group}}</td><td class="{{css}}">{{verdict}}</td><td>{{detail}}</td></tr>
        {{/checks}}
        </table>
        <h2>Charts</h2>
        {{#figures}}
        <figure id="{{id}}">
        {{#svg}}{{{svg}}}{{/svg}}{{^svg}}<div class="missing">{{missing}}</div>{{/svg}}
        <figcaption>{{caption}}</figcaption>
        </figure>
        {{/figures}}
        <h2>Provenance</h2>
        <table>
        <tr><th>run</th><th>tool version</th><th>seed</th><th>model</th><th>status</th><th>scenario SHA-256</th><th>EE code hashes</th></tr>
        {{#runs}}<tr><td>{{name}}</td><td>{{version}}</td><td>{{seed}}</td><td>{{model}}</td><td>{{status}}</td><td><code>{{scenarioHash}}</code></td><td>{{#ees}}{{name}}: <code>{{hash}}</code><br>{{/ees}}</td></tr>
        {{/runs}}
        </table>
        </body>
        </html>

        """
}
