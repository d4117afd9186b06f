/// The data dictionary of a run folder, generated from the CSV schemas.
enum DataDictionary {
    static var markdown: String {
        var text = """
            # shardsim run folder

            | file | what it holds |
            |---|---|
            | `scenario.yaml` | the fully resolved scenario: every field, defaults filled in, with units |
            | `run.json` | tool version, `status` (`running`, `stopped`, `failed` with `error`, `finished`), seed, `threads`, `checkpointEvery`, EE code hashes, start and end times, totals, the conservation check |
            | `state.sqlite` | the state providers' full state: `genesis_accounts` (every account at genesis), `account_changes` (the accounts each slot's blocks changed), view `accounts` (every account now), `ee_states` (every EE root and balance after every slot) |

            """
        for schema in OutputSchemas.all {
            text += "\n## `\(schema.file)`\n\n\(schema.description)\n\n| field | unit | meaning |\n|---|---|---|\n"
            for column in schema.columns {
                text += "| `\(column.name)` | \(column.unit) | \(column.meaning) |\n"
            }
            if schema.file == OutputSchemas.summary.file {
                text += "\nMeasured transfers, warm-up and drain (Documentation/Scenarios.md, `measurement`):\n\n"
                text += "| metric | unit | meaning |\n|---|---|---|\n"
                for metric in MeasurementSummary.definitions {
                    text += "| `\(metric.name)` | \(metric.unit) | \(metric.meaning) |\n"
                }
                text += "\nReceipt fees (Documentation/FeeMarket.md; zero without a fee market):\n\n"
                text += "| metric | unit | meaning |\n|---|---|---|\n"
                for metric in RunSummary.receiptFeeDefinitions {
                    text += "| `\(metric.name)` | \(metric.unit) | \(metric.meaning) |\n"
                }
            }
        }
        return text
    }
}
