internal import Yams

/// Reads Scout's optional `deposit_receipts`: each a 184-byte hex string, or a mapping of its four parts.
///
/// Layout of a receipt (184 bytes): pubkey 48 | withdrawal_credentials 32 | amount 8, little-endian u64 (gwei) |
/// signature 96, the order in which `eth2_pushNewDeposit` receives it.
enum DepositReceipts {
    /// The parts of a receipt in layout order, with their byte lengths (amount is an integer, not hex).
    static let parts: [(key: String, bytes: Int)] = [
        ("pubkey", 48), ("withdrawal_credentials", 32), ("amount", 8), ("signature", 96),
    ]

    /// The receipts, or `nil` after reporting a problem.
    static func read(_ node: Node, context: inout ReadContext) -> [[UInt8]]? {
        if case .scalar(let scalar) = node, scalar.isNull { return [] }
        guard case .sequence(let elements) = node else {
            context.invalid(node, field: "deposit_receipts", expected: "a list of deposit receipts")
            return nil
        }
        var receipts: [[UInt8]] = []
        for (index, element) in elements.enumerated() {
            let field = FieldPath.element("deposit_receipts", index)
            let receipt: [UInt8]? =
                if case .mapping = element {
                    fromParts(element, field: field, context: &context)
                } else {
                    context.hexBytes(
                        element, field: field, length: ScoutTestCase.depositReceiptByteCount,
                        what: "a 184-byte deposit receipt",
                        alternative: "a mapping with pubkey, withdrawal_credentials, amount, signature")
                }
            if let receipt { receipts.append(receipt) }
        }
        return receipts.count == elements.count ? receipts : nil
    }

    /// Assembles a receipt from `{pubkey, withdrawal_credentials, amount, signature}`.
    private static func fromParts(_ node: Node, field: String, context: inout ReadContext) -> [UInt8]? {
        guard
            let entries = MappingReader.entries(
                of: node, field: field, expected: "a deposit receipt mapping", context: &context)
        else { return nil }
        let known = parts.map(\.key)
        for entry in entries where !known.contains(entry.key) {
            MappingReader.reportUnknown(entry, in: field, known: known, asWarning: true, context: &context)
        }
        var receipt: [UInt8] = []
        var complete = true
        for part in parts {
            let partField = FieldPath.child(field, part.key)
            guard let value = entries.first(where: { $0.key == part.key })?.value else {
                context.report(
                    ScenarioError(
                        .missingKey, at: context.location(of: node), field: partField,
                        expected: part.key == "amount" ? "an amount in gwei" : "\(part.bytes) bytes of hex"))
                complete = false
                continue
            }
            if part.key == "amount" {
                let expected = "an amount in gwei (an integer below 2⁶⁴)"
                guard let text = context.scalarText(value, field: partField, expected: expected),
                    case .success(let amount) = UInt64.parse(text)
                else {
                    if case .scalar(let scalar) = value, !scalar.isNull {
                        context.invalid(value, field: partField, expected: expected)
                    }
                    complete = false
                    continue
                }
                receipt += withUnsafeBytes(of: amount.littleEndian) { Array($0) }
            } else if let bytes = context.hexBytes(
                value, field: partField, length: part.bytes, what: "a \(part.bytes)-byte \(part.key)")
            {
                receipt += bytes
            } else {
                complete = false
            }
        }
        return complete ? receipt : nil
    }
}
