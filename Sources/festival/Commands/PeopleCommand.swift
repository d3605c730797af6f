import ArgumentParser
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
        let catalog = try options.load()
        let lang = options.language
        if output.json {
            try Output.json(catalog.subset(people: catalog.people.map(\.id)))
            return
        }
        var table = TextTable(header: ["ID", UIString.name.text(lang).uppercased(), UIString.roles.text(lang).uppercased(),
                                       UIString.position.text(lang).uppercased()])
        for person in catalog.people {
            table.rows.append([person.id, person.name.text(lang), Format.list(person.roles.map { Format.role($0, lang) }, lang),
                               person.title?.text(lang) ?? "—"])
        }
        try Output.write(table.render())
    }
}
