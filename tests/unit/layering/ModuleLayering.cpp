#include "ModuleLayering.h"

#include <fstream>
#include <regex>
#include <sstream>

namespace rt::layering {
namespace {

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trim(const std::string& s) {
    const size_t begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos) return "";
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::vector<std::string> cells(const std::string& row) {
    std::vector<std::string> result;
    std::stringstream in(row);
    std::string cell;
    std::getline(in, cell, '|');  // before the first bar
    while (std::getline(in, cell, '|')) result.push_back(trim(cell));
    return result;
}

bool isSource(const std::filesystem::path& path) {
    return path.extension() == ".h" || path.extension() == ".cpp";
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::vector<ModuleRow> parseModuleTable(const std::string& markdown) {
    std::vector<std::string> lines;
    std::stringstream in(markdown);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::vector<ModuleRow> rows;
    bool inSection = false;
    const std::regex moduleName("[a-z]+");
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (startsWith(line, "## ")) inSection = line == "## Modules";
        if (!inSection || !startsWith(line, "|") || startsWith(line, "|-")) continue;
        const bool header = i + 1 < lines.size() && startsWith(lines[i + 1], "|-");
        if (header) continue;
        const std::vector<std::string> row = cells(line);
        if (row.size() < 3 || !std::regex_match(row.front(), moduleName)) continue;
        ModuleRow module{row.front(), {}};
        std::stringstream deps(row.back());
        std::string dep;
        while (std::getline(deps, dep, ',')) {
            dep = trim(dep);
            if (!dep.empty() && dep != "-") module.dependsOn.insert(dep);
        }
        rows.push_back(module);
    }
    return rows;
}

std::map<std::string, ModuleFacts> readModules(const std::filesystem::path& libDir) {
    const std::regex projectInclude("#include \"([a-z]+)/[^\"]+\"");
    const std::regex systemInclude("#include <([^>]+)>");
    // rt_X, not the rt_module() function that declares a module.
    const std::regex target("\\brt_([a-z]+)\\b(?!\\()");
    std::map<std::string, ModuleFacts> modules;
    for (const auto& entry : std::filesystem::directory_iterator(libDir)) {
        if (!entry.is_directory()) continue;
        const std::string name = entry.path().filename().string();
        ModuleFacts& facts = modules[name];
        for (const auto& file : std::filesystem::recursive_directory_iterator(entry.path())) {
            const std::string text = readText(file.path());
            if (file.path().filename() == "CMakeLists.txt") {
                for (std::sregex_iterator m(text.begin(), text.end(), target), end; m != end; ++m)
                    if ((*m)[1] != name) facts.linkedModules.insert((*m)[1]);
            }
            if (!isSource(file.path())) continue;
            for (std::sregex_iterator m(text.begin(), text.end(), projectInclude), end; m != end;
                 ++m) {
                if ((*m)[1] != name) facts.includedModules.insert((*m)[1]);
            }
            for (std::sregex_iterator m(text.begin(), text.end(), systemInclude), end; m != end;
                 ++m) {
                facts.includedHeaders.insert((*m)[1]);
            }
        }
    }
    return modules;
}

std::vector<std::string> checkLayering(const std::vector<ModuleRow>& table,
                                       const std::map<std::string, ModuleFacts>& modules,
                                       const std::vector<Wrapper>& wrappers) {
    std::vector<std::string> problems;
    std::map<std::string, const ModuleRow*> rows;
    std::set<std::string> above;  // modules of the rows before the current one
    for (const ModuleRow& row : table) {
        for (const std::string& dep : row.dependsOn) {
            if (!above.count(dep))
                problems.push_back(row.name + ": depends on '" + dep + "', not above it");
        }
        above.insert(row.name);
        rows[row.name] = &row;
    }
    for (const auto& [name, facts] : modules) {
        const auto row = rows.find(name);
        if (row == rows.end()) {
            problems.push_back("lib/" + name + " has no row in the module table");
            continue;
        }
        const std::set<std::string>& allowed = row->second->dependsOn;
        for (const std::string& used : facts.includedModules) {
            if (!allowed.count(used))
                problems.push_back(name + ": includes a header of '" + used + "', not in its row");
            else if (!facts.linkedModules.count(used))
                problems.push_back(name + ": includes '" + used + "' but does not link rt_" + used);
        }
        for (const std::string& linked : facts.linkedModules) {
            if (!allowed.count(linked))
                problems.push_back(name + ": links rt_" + linked + ", not in its row");
        }
        for (const Wrapper& wrapper : wrappers) {
            if (wrapper.module == name) continue;
            for (const std::string& header : facts.includedHeaders) {
                for (const std::string& prefix : wrapper.headerPrefixes) {
                    if (startsWith(header, prefix)) {
                        problems.push_back(name + ": includes <" + header + ">, which only " +
                                           wrapper.module + " may include");
                    }
                }
            }
        }
    }
    for (const ModuleRow& row : table) {
        if (!modules.count(row.name))
            problems.push_back("the module table names '" + row.name + "', which is not in lib/");
    }
    return problems;
}

}  // namespace rt::layering
