import Foundation
internal import Yams

/// Walks a Scout test file's YAML tree. Unknown keys are warnings (files written for Scout must load unchanged);
/// everything else wrong is an error with its line.
enum ScoutReader {
    /// Top-level keys, in Scout's order.
    static let topLevelKeys = [
        "beacon_state", "shard_pre_state", "shard_blocks", "shard_post_state", "deposit_receipts",
    ]

    /// The test case in `root`, or `nil` if it has errors (all of which are in `context`).
    static func read(_ root: Node, context: inout ReadContext) -> ScoutTestCase? {
        guard
            let entries = MappingReader.entries(
                of: root, field: "", expected: "a mapping with " + topLevelKeys.joined(separator: ", "),
                nullIsEmpty: false, context: &context)
        else { return nil }
        func value(_ key: String) -> Node? { entries.first { $0.key == key }?.value }
        for entry in entries where !topLevelKeys.contains(entry.key) {
            MappingReader.reportUnknown(entry, in: "", known: topLevelKeys, asWarning: true, context: &context)
        }
        for key in topLevelKeys.dropLast() where value(key) == nil {
            context.report(
                ScenarioError(
                    .missingKey, at: context.location(of: root), field: key, expected: expectedSection(key)))
        }

        let scripts = value("beacon_state").flatMap { executionScripts($0, context: &context) }
        let preRoots = value("shard_pre_state").flatMap {
            roots($0, field: "shard_pre_state", scriptCount: scripts?.count, context: &context)
        }
        let blocks = value("shard_blocks").flatMap { shardBlocks($0, scriptCount: scripts?.count, context: &context) }
        let postRoots = value("shard_post_state").flatMap {
            roots($0, field: "shard_post_state", scriptCount: scripts?.count, context: &context)
        }
        let deposits = value("deposit_receipts").flatMap { DepositReceipts.read($0, context: &context) }

        guard let scripts, let preRoots, let blocks, let postRoots, !context.diagnostics.hasErrors else { return nil }
        return ScoutTestCase(
            executionScripts: scripts, preStateRoots: preRoots, blocks: blocks, postStateRoots: postRoots,
            expectedDeposits: deposits)
    }

    private static func expectedSection(_ key: String) -> String {
        switch key {
        case "beacon_state": "a mapping with execution_scripts (a list of wasm paths)"
        case "shard_blocks": "a list of blocks, each with env and data"
        default: "a mapping with exec_env_states (a list of 32-byte hex roots)"
        }
    }

    /// Reads `beacon_state.execution_scripts`: `builtin:NAME`, or a path made absolute (not checked for existence:
    /// the runner reads the files).
    private static func executionScripts(_ node: Node, context: inout ReadContext) -> [EECode]? {
        let field = "beacon_state.execution_scripts"
        let expected = "a list of one or more wasm paths"
        guard let list = section(node, field: "beacon_state", listKey: "execution_scripts", context: &context) else {
            return nil
        }
        guard case .sequence(let paths) = list, !paths.isEmpty else {
            context.invalid(list, field: field, expected: expected)
            return nil
        }
        var urls: [EECode] = []
        for (index, element) in paths.enumerated() {
            let elementField = FieldPath.element(field, index)
            guard let text = context.scalarText(element, field: elementField, expected: "a wasm path") else { continue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("builtin:") {
                urls.append(.builtin(String(trimmed.dropFirst("builtin:".count))))
                continue
            }
            let url = URL(fileURLWithPath: text, relativeTo: context.values.baseDirectory).standardizedFileURL
            urls.append(.file(path: url.path))
        }
        return urls.count == paths.count ? urls : nil
    }

    /// Reads `<field>.exec_env_states`: one 32-byte root per script.
    private static func roots(
        _ node: Node, field: String, scriptCount: Int?, context: inout ReadContext
    ) -> [[UInt8]]? {
        let listField = FieldPath.child(field, "exec_env_states")
        guard let list = section(node, field: field, listKey: "exec_env_states", context: &context) else { return nil }
        guard case .sequence(let elements) = list else {
            context.invalid(list, field: listField, expected: "a list of 32-byte hex roots, one per execution script")
            return nil
        }
        if let scriptCount, elements.count != scriptCount {
            context.invalid(
                list, field: listField,
                expected: "\(scriptCount) roots (one per execution script)", found: "\(elements.count)")
            return nil
        }
        var roots: [[UInt8]] = []
        for (index, element) in elements.enumerated() {
            let rootField = FieldPath.element(listField, index)
            if let root = context.hexBytes(element, field: rootField, length: 32, what: "a 32-byte state root") {
                roots.append(root)
            }
        }
        return roots.count == elements.count ? roots : nil
    }

    /// Reads `shard_blocks`: a list of `{env, data}`.
    private static func shardBlocks(
        _ node: Node, scriptCount: Int?, context: inout ReadContext
    ) -> [ScoutTestCase.Block]? {
        if case .scalar(let scalar) = node, scalar.isNull { return [] }
        guard case .sequence(let elements) = node else {
            context.invalid(node, field: "shard_blocks", expected: expectedSection("shard_blocks"))
            return nil
        }
        var blocks: [ScoutTestCase.Block] = []
        for (index, element) in elements.enumerated() {
            let field = FieldPath.element("shard_blocks", index)
            if let block = shardBlock(element, field: field, scriptCount: scriptCount, context: &context) {
                blocks.append(block)
            }
        }
        return blocks.count == elements.count ? blocks : nil
    }

    private static func shardBlock(
        _ node: Node, field: String, scriptCount: Int?, context: inout ReadContext
    ) -> ScoutTestCase.Block? {
        let known = ["env", "data"]
        guard
            let entries = MappingReader.entries(
                of: node, field: field, expected: "a mapping with env and data", nullIsEmpty: false,
                context: &context)
        else { return nil }
        for entry in entries where !known.contains(entry.key) {
            MappingReader.reportUnknown(entry, in: field, known: known, asWarning: true, context: &context)
        }
        var env: Int?
        var data: [UInt8]?
        if let envNode = entries.first(where: { $0.key == "env" })?.value {
            let maximum = max((scriptCount ?? Int.max) - 1, 0)
            let expected = "an EE index from 0 to \(maximum) (one per execution script)"
            if let text = context.scalarText(envNode, field: FieldPath.child(field, "env"), expected: expected) {
                if case .success(let index) = Int.parse(text), index <= maximum, scriptCount != 0 {
                    env = index
                } else {
                    context.invalid(envNode, field: FieldPath.child(field, "env"), expected: expected)
                }
            }
        }
        if let dataNode = entries.first(where: { $0.key == "data" })?.value {
            data = context.hexBytes(dataNode, field: FieldPath.child(field, "data"), length: nil, what: "block data")
        }
        for key in known where !entries.contains(where: { $0.key == key }) {
            context.report(
                ScenarioError(
                    .missingKey, at: context.location(of: node), field: FieldPath.child(field, key),
                    expected: key == "env" ? "an EE index" : "hex block data (may be \"\")"))
        }
        guard let env, let data else { return nil }
        return ScoutTestCase.Block(env: env, data: data)
    }

    /// The list under `listKey` in the mapping `node` (`field`), warning about other keys; `nil` after reporting.
    private static func section(_ node: Node, field: String, listKey: String, context: inout ReadContext) -> Node? {
        guard
            let entries = MappingReader.entries(
                of: node, field: field, expected: "a mapping with \(listKey)", nullIsEmpty: false, context: &context)
        else { return nil }
        for entry in entries where entry.key != listKey {
            MappingReader.reportUnknown(entry, in: field, known: [listKey], asWarning: true, context: &context)
        }
        guard let list = entries.first(where: { $0.key == listKey })?.value else {
            context.report(
                ScenarioError(
                    .missingKey, at: context.location(of: node), field: FieldPath.child(field, listKey),
                    expected: "a list"))
            return nil
        }
        return list
    }
}
