import RunFormat

/// The data dictionary of a run folder, generated from the CSV schemas.
enum DataDictionary {
    /// `Documentation/Outputs.md`: the dictionary under the page's own title.
    static var outputsPage: String {
        var text = "# Outputs: the run folder and its data dictionary\n\n"
        text += "_Generated from the column declarations in `Sources/Simulator/Output/` (`OutputSchemas`) by "
        text += "`SHARDSIM_RECORD_OUTPUTS_MD=1 swift test --filter DataDictionaryTests`; the same test checks that "
        text += "this file matches them. Every run folder's `README.md` holds the same tables._\n\n"
        text += tables
        text += "\n# Comparison and sweep folders\n\nA comparison folder holds one run folder per model and seed; a "
        text += "sweep folder one per point and seed. Beside them:\n"
        for schema in OutputSchemas.studyFiles { text += section(schema) }
        return text
    }

    /// `README.md` of every run folder.
    static var markdown: String { "# shardsim run folder\n\n" + tables }

    /// The tables: the files of a run folder, then every CSV file's columns.
    static var tables: String {
        var text = """
            | file | what it holds |
            |---|---|
            | `scenario.yaml` | the fully resolved scenario: every field, defaults filled in, with units |
            | `run.json` | tool version, `commit` (the git commit the binary was built from, or `unknown` outside a git checkout) and `sourcesModified` (tracked files differed from it), `status` (`running`, `stopped`, `failed` with `error`, `finished`), seed, `threads`, `checkpointEvery`, EE code hashes, start and end times, totals, the conservation check |
            | `state.sqlite` | the state providers' full state: `genesis_accounts` (every account at genesis), `account_changes` (the accounts each slot's blocks changed), view `accounts` (every account now), `ee_states` (every EE root and balance after every slot); with background accounts, `background_accounts` (what the accounts not in `genesis_accounts` are; `Simulation.md`, *The state database*) |

            """
        for schema in OutputSchemas.all {
            text += section(schema)
            if schema.file == OutputSchemas.transfers.file { text += outcomes }
            if schema.file == OutputSchemas.summary.file { text += metrics }
        }
        return text
    }

    /// A file's description and its columns.
    static func section(_ schema: CSVSchema) -> String {
        var text = "\n## `\(schema.file)`\n\n\(schema.description)\n\n| field | unit | meaning |\n|---|---|---|\n"
        for column in schema.columns {
            text += "| `\(column.name)` | \(column.unit) | \(column.meaning) |\n"
        }
        return text
    }

    /// Every metric of `summary.csv`.
    static var metrics: String {
        var text = "\n### Metrics\n\nThe rows of `summary.csv`, in file order:\n\n"
        text += "| metric | unit | meaning | written |\n|---|---|---|---|\n"
        for metric in SummaryMetric.all {
            text += "| `\(metric.name)` | \(metric.unit) | \(metric.meaning) | \(metric.writtenWhen ?? "always") |\n"
        }
        return text
    }

    /// The values of `transfers.csv`'s `outcome` column.
    static var outcomes: String {
        var text = "\n### Outcomes\n\nThe values of `outcome`:\n\n| outcome | final | meaning |\n|---|---|---|\n"
        for outcome in TransferOutcome.all {
            text +=
                "| `\(outcome.name)` | \(outcome.isFinal ? "yes" : "no: the run ended first") | \(outcome.meaning) |\n"
        }
        return text
    }
}
