/// Collects the problems found while reading one file, up to ``ScenarioErrors/maximumCount`` errors.
///
/// Readers report and carry on, so one pass finds every independent problem. Past the cap, further errors are
/// counted but dropped, and the thrown list ends with a note saying so.
struct Diagnostics {
    /// The file as the user named it; every location starts with it.
    let file: String
    private(set) var errors: [ScenarioError] = []
    private(set) var warnings: [ScenarioError] = []
    private var droppedCount = 0

    init(file: String) { self.file = file }

    /// Whether any error (not warning) was reported.
    var hasErrors: Bool { !errors.isEmpty }

    /// The number of errors reported so far, dropped ones included; compare before and after a step to learn
    /// whether the step failed.
    var errorCount: Int { errors.count + droppedCount }

    /// Records an error.
    mutating func report(_ error: ScenarioError) {
        if errors.count < ScenarioErrors.maximumCount {
            errors.append(error)
        } else {
            droppedCount += 1
        }
    }

    /// Records a warning; warnings never stop a file from loading.
    mutating func warn(_ warning: ScenarioError) {
        if warnings.count < ScenarioErrors.maximumCount { warnings.append(warning.asWarning()) }
    }

    /// Everything collected, as the error to throw.
    func thrown() -> ScenarioErrors {
        let note =
            droppedCount > 0
            ? ScenarioError(
                .tooManyErrors, at: .wholeFile(file), expected: "\(ScenarioErrors.maximumCount) errors",
                found: "\(droppedCount) more")
            : nil
        return ScenarioErrors(errors + warnings, truncationNote: note)
    }

    /// The warnings, sorted by position.
    func sortedWarnings() -> [ScenarioError] { ScenarioErrors(warnings).errors }
}
