import Testing
import TradeTestSupport

extension CommandRunner {
    /// A store made as a user would: the three shipped published files imported with `svctrade
    /// import`, then the illustrative pilot panel (`svctrade generate --import`).
    func shippedStore(_ folder: TemporaryFolder, name: String) throws -> String {
        let db = folder.file(name)
        for file in [
            "mofcom-published-2017-2022.csv", "mofcom-published-2023-2025.csv", "safe-bop-services-2017-2025.csv",
        ] {
            let r = try run(["import", Repository.dataset(file), "--db", db])
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try run(["generate", "--db", db, "--import"]).status == 0)
        return db
    }
}
