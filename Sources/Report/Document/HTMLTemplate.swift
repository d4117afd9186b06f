/// The Mustache template of `report.html`: one self-contained page, styles inline, charts as inline SVG, no
/// script and nothing fetched from the network. `{{…}}` escapes HTML; `{{{svg}}}` inserts our own escaped SVG.
///
/// The page follows its width: tables have at most 4 group columns (more groups are split over several tables),
/// scroll sideways inside their box should they still be too wide, and figures flow into as many columns of at
/// least 620 px as fit (one at 1,000 px, two at 1,600 px), each chart scaled to its column.
enum HTMLTemplate {
    static let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>
        body { font-family: sans-serif; max-width: 1500px; margin: 1.5em auto; padding: 0 1.5em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ddd; }
        .wrap { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 13px; }
        th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
        .unit { color: #666; font-weight: normal; }
        th { background: #f3f3f3; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .pass { color: #176e21; font-weight: bold; } .fail { color: #b00020; font-weight: bold; } .na { color: #777; }
        .note { font-size: 13px; color: #555; }
        .params { columns: 19em; column-gap: 2.5em; font-size: 13px; margin: 0.6em 0; }
        .params div { break-inside: avoid; display: flex; justify-content: space-between; gap: 1em; border-bottom: 1px dotted #ddd; padding: 2px 0; }
        .params dt { color: #555; } .params dd { margin: 0; text-align: right; word-break: break-all; }
        .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 620px), 1fr)); gap: 1.5em 2.5em; }
        figure { margin: 0; min-width: 0; }
        svg.chart { width: 100%; height: auto; display: block; }
        figcaption { font-size: 13px; color: #444; margin-top: 0.3em; }
        code { font-size: 11px; word-break: break-all; }
        </style>
        </head>
        <body>
        <h1>{{title}}</h1>
        {{#description}}<p><em>{{description}}</em></p>{{/description}}
        <p>{{intro}}</p>
        {{#hasParameters}}
        <h2>Scenario parameters</h2>
        {{#hasDiffering}}
        <p class="note">What differs between the groups:</p>
        {{#differingParts}}
        <div class="wrap"><table>
        <tr><th>parameter</th>{{#groups}}<th>{{.}}</th>{{/groups}}</tr>
        {{#differing}}<tr><td>{{path}}</td>{{#values}}<td>{{.}}</td>{{/values}}</tr>
        {{/differing}}
        </table></div>
        {{/differingParts}}
        {{/hasDiffering}}
        <details open><summary>{{sharedTitle}} ({{sharedCount}})</summary>
        <dl class="params">
        {{#shared}}<div><dt>{{path}}</dt><dd>{{value}}</dd></div>
        {{/shared}}
        </dl>
        </details>
        {{/hasParameters}}
        {{#tables}}
        <h2>{{title}}</h2>
        <div class="wrap"><table>
        <tr><th>metric <span class="unit">(unit)</span></th>{{#groups}}<th>{{.}}</th>{{/groups}}</tr>
        {{#rows}}<tr><td>{{metric}}{{#unit}} <span class="unit">({{unit}})</span>{{/unit}}</td>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>
        {{/rows}}
        </table></div>
        {{#notes}}<p class="note">{{.}}</p>{{/notes}}
        {{/tables}}
        <p class="note">{{cells}}</p>
        <h2>Checks against theory</h2>
        <div class="wrap"><table>
        <tr><th>check</th><th>group</th><th>verdict</th><th>detail</th></tr>
        {{#checks}}<tr><td>{{name}}</td><td>{{group}}</td><td class="{{css}}">{{verdict}}</td><td>{{detail}}</td></tr>
        {{/checks}}
        </table></div>
        <h2>Figures</h2>
        <p class="note">The data of every figure is in <code>report-data/</code> beside this page, one CSV per figure (see Documentation/Analysis.md).</p>
        <div class="figures">
        {{#figures}}
        <figure id="{{id}}">
        {{{svg}}}
        <figcaption><strong>Figure {{number}}.</strong> {{caption}} Data: <code>report-data/{{id}}.csv</code>.</figcaption>
        </figure>
        {{/figures}}
        </div>
        {{#hasOmitted}}<p class="note">Not drawn, for want of data:</p><ul class="note">{{#omitted}}<li>{{.}}</li>{{/omitted}}</ul>{{/hasOmitted}}
        <h2>Provenance</h2>
        <div class="wrap"><table>
        <tr><th>run</th><th>tool version</th><th>seed</th><th>model</th><th>status</th><th>scenario SHA-256</th><th>EE code hashes</th></tr>
        {{#runs}}<tr><td>{{name}}</td><td>{{version}}</td><td>{{seed}}</td><td>{{model}}</td><td>{{status}}</td><td><code>{{scenarioHash}}</code></td><td>{{#ees}}{{name}}: <code>{{hash}}</code><br>{{/ees}}</td></tr>
        {{/runs}}
        </table></div>
        </body>
        </html>

        """
}
