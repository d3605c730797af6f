import ArgumentParser
import FestivalCatalog
import FestivalText
import FestivalUI

/// `festival people`: everyone the catalog names.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "List the people: jury, directors, speakers.",
        discussion: "Example: festival people --json | jq '.people[].name.en'"
    )

    @OptionGroup var options: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        if output.json {
            let catalog = try options.load()
            try Output.json(catalog.subset(people: catalog.people.map(\.id)))
            return
        }
        // The table needs nothing after the people: a large file prints from its start.
        try options.withStart(printTable)
    }

    func printTable(_ catalog: Catalog) throws {
        let lang = options.language
        var table = TextTable(header: ["ID", UIString.name.text(lang).uppercased(), UIString.roles.text(lang).uppercased(),
                                       UIString.position.text(lang).uppercased()])
        for person in catalog.people {
            table.rows.append([person.id, person.name.text(lang), Format.list(person.roles.map { Format.role($0, lang) }, lang),
                               person.title?.text(lang) ?? "—"])
        }
        try Output.write(table.render())
    }
}
