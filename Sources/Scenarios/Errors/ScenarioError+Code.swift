extension ScenarioError {
    /// The kind of a ``ScenarioError``. A struct over a private enum, so that new kinds can be added without
    /// breaking anyone who switches over the existing ones.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Kind: String, Hashable, Sendable {
            case invalidValue, unknownKey, missingKey, duplicateKey, conflictingKeys
            case yamlSyntax, invalidEncoding, emptyFile, unreadableFile, fileTooLarge, tooManyAliases, tooManyErrors
        }

        fileprivate let kind: Kind

        /// A value of the wrong type, unit or range.
        package static let invalidValue = Code(kind: .invalidValue)
        /// A key the schema does not know.
        package static let unknownKey = Code(kind: .unknownKey)
        /// A required key is absent.
        package static let missingKey = Code(kind: .missingKey)
        /// A key appears twice in one mapping.
        package static let duplicateKey = Code(kind: .duplicateKey)
        /// Two keys that exclude each other are both present (e.g. `duration` and `slots`).
        package static let conflictingKeys = Code(kind: .conflictingKeys)
        /// The text is not valid YAML.
        package static let yamlSyntax = Code(kind: .yamlSyntax)
        /// The bytes are not UTF-8 text.
        package static let invalidEncoding = Code(kind: .invalidEncoding)
        /// The file holds no YAML document.
        package static let emptyFile = Code(kind: .emptyFile)
        /// The file cannot be read.
        package static let unreadableFile = Code(kind: .unreadableFile)
        /// The file is larger than any plausible input.
        package static let fileTooLarge = Code(kind: .fileTooLarge)
        /// The file uses more aliases than allowed (a guard against exponential alias expansion).
        package static let tooManyAliases = Code(kind: .tooManyAliases)
        /// Reporting stopped after the maximum number of errors.
        package static let tooManyErrors = Code(kind: .tooManyErrors)

        /// A stable identifier such as `unknownKey`.
        package var description: String { kind.rawValue }
    }
}

extension ScenarioError {
    /// The sentence without the location prefix, e.g.
    /// `beacon.slotDuration: expected a duration with a unit (e.g. 12s, 250ms), found '12'`.
    ///
    /// This is the only place where problems become words.
    package var message: String {
        let subject = field.isEmpty ? "" : "\(field): "
        switch code.kind {
        case .invalidValue, .invalidEncoding, .fileTooLarge, .tooManyAliases:
            return "\(subject)expected \(expected), found \(found)"
        case .unknownKey:
            return "\(subject)unknown key; expected one of \(expected)"
        case .missingKey:
            return "\(subject)missing; expected \(expected)"
        case .duplicateKey:
            return "\(subject)duplicate key; expected \(expected), found \(found)"
        case .conflictingKeys:
            return "\(subject)conflicts with \(found); expected \(expected)"
        case .yamlSyntax:
            return "\(subject)YAML syntax error: \(found)"
        case .emptyFile:
            return "\(found): expected \(expected)"
        case .unreadableFile:
            return "cannot read the file: \(found)"
        case .tooManyErrors:
            return "too many errors; stopped after \(expected) (\(found) not shown)"
        }
    }

    /// The full line: `file:line:column: [warning: ]message`.
    package var description: String {
        let location = line > 0 ? "\(file):\(line):\(column): " : "\(file): "
        let label = severity == .warning ? "warning: " : ""
        return location + label + message
    }
}
