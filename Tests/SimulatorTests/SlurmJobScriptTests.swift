import Foundation
import Testing

@testable import Simulator

/// The pieces of a Slurm submission that are plain text: the `--array` ranges, the time limits accepted, shell
/// quoting, and the argument lists of child runs (which the job script and the local runner share).
@Suite struct SlurmJobScriptTests {
    @Test(
        "task ids become ranges where consecutive",
        arguments: [
            ([0, 1, 2, 3], nil, "0-3"), ([5], nil, "5"), ([7, 0, 1, 2, 9, 10, 2], nil, "0-2,7,9-10"),
            ([0, 1, 2], 4, "0-2%4"),
        ] as [([Int], Int?, String)])
    func arraySpec(tasks: [Int], limit: Int?, expected: String) {
        #expect(SlurmArraySpec.text(tasks, limit: limit) == expected)
    }

    @Test(
        "time limits in Slurm's spellings are accepted, others refused",
        arguments: [
            ("30", true), ("30:00", true), ("2:00:00", true), ("1-12", true), ("1-12:00", true), ("1-12:00:00", true),
            ("UNLIMITED", true), ("2h", false), ("", false), ("1:2:3:4", false), ("-5", false), ("1-", false),
            ("a-1:00", false), ("1--2", false),
        ])
    func timeLimits(text: String, accepted: Bool) {
        #expect(SlurmOptions.isTimeLimit(text) == accepted)
    }

    @Test("a word with quotes and spaces survives shell quoting")
    func quoting() throws {
        let word = "it's a $HOME `x` \"y\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf %s \(SlurmJobScript.quoted(word))"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == word)
    }

    @Test("a child run spells shardsim run's flags: fresh with point, seed and folder; resume with the folder")
    func childRunArguments() {
        let job = SweepJob(job: 3, point: 1, seed: 2, label: "a=1", folderName: "p0001-a=1-seed2")
        let folder = URL(fileURLWithPath: "/runs/sweep")
        #expect(
            ChildRun.fresh(job, scenarioPath: "/s.yaml", sweepFolder: folder, threads: 4).arguments == [
                "run", "/s.yaml", "--point", "1", "--seed", "2", "--out", "/runs/sweep/p0001-a=1-seed2", "--threads",
                "4",
            ])
        #expect(
            ChildRun.resume(job, sweepFolder: folder, threads: 0).arguments == [
                "run", "--resume", "/runs/sweep/p0001-a=1-seed2", "--threads", "1",
            ])
    }
}
