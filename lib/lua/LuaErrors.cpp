// Running scene files and turning Lua's error text into SceneError with file:line.
#include <lua.hpp>

#include <cctype>
#include <filesystem>
#include <system_error>

#include "lua/LuaBindings.h"
#include "lua/RdlClasses.h"

namespace rt {
namespace {

// Splits "chunk:12: text" into its parts; false when there is no such prefix.
bool splitLocation(const std::string& message, std::string& chunk, int& line, std::string& text) {
    for (size_t colon = message.find(':'); colon != std::string::npos;
         colon = message.find(':', colon + 1)) {
        size_t end = colon + 1;
        while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end]))) {
            ++end;
        }
        if (end > colon + 1 && message.compare(end, 2, ": ") == 0) {
            chunk = message.substr(0, colon);
            line = std::stoi(message.substr(colon + 1, end - colon - 1));
            text = message.substr(end + 2);
            return true;
        }
    }
    return false;
}

// Lua shortens long chunk names to "...tail"; map them back to the file being run.
std::string fileForChunk(const std::string& chunk, const std::string& path) {
    if (chunk == path) return path;
    if (chunk.rfind("...", 0) == 0) {
        const std::string tail = chunk.substr(3);
        if (path.size() >= tail.size() &&
            path.compare(path.size() - tail.size(), tail.size(), tail) == 0) {
            return path;
        }
    }
    return chunk;
}

bool containsIgnoringCase(const std::string& haystack, const std::string& needle) {
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    return lower(haystack).find(lower(needle)) != std::string::npos;
}

// "unknown class 'Sphere' (did you mean SphereGeometry or SphereLight?)".
std::string unknownGlobal(const std::string& name) {
    const bool looksLikeClass = !name.empty() && std::isupper(static_cast<unsigned char>(name[0]));
    std::string message = (looksLikeClass ? "unknown class '" : "unknown function '") + name + "'";
    std::vector<std::string> classNames;
    std::vector<std::string> similar;
    for (const ClassSpec& cls : rdlClasses()) {
        classNames.push_back(cls.name);
        if (containsIgnoringCase(cls.name, name)) similar.push_back(cls.name);
    }
    if (similar.empty()) {
        const std::string closest = closestName(name, classNames);
        if (!closest.empty()) similar.push_back(closest);
    }
    // MoonRay's other light filters (BarnDoor, Cookie, Decay, Rod, ...): say what they are.
    const std::string filterSuffix = "LightFilter";
    if (looksLikeClass && name.size() > filterSuffix.size() &&
        name.compare(name.size() - filterSuffix.size(), filterSuffix.size(), filterSuffix) == 0) {
        return message +
               " (a MoonRay light filter we do not support: of the light filters only "
               "IntensityLightFilter is)";
    }
    if (!similar.empty() && similar.size() <= 3) {
        message += " (did you mean ";
        for (size_t i = 0; i < similar.size(); ++i) {
            message += (i == 0 ? "" : i + 1 == similar.size() ? " or " : ", ") + similar[i];
        }
        message += "?)";
    }
    return message;
}

}  // namespace

SceneError translateLuaError(const std::string& message, const std::string& path, bool syntax) {
    std::string chunk, text;
    int line = 0;
    SourceLocation where{path, 0};
    if (splitLocation(message, chunk, line, text)) {
        where = {fileForChunk(chunk, path), line};
    } else {
        text = message;
    }
    const std::string callNil = "attempt to call a nil value (global '";
    if (text.rfind(callNil, 0) == 0 && text.size() > callNil.size() + 2) {
        text = unknownGlobal(text.substr(callNil.size(), text.size() - callNil.size() - 2));
    } else if (syntax) {
        text = "syntax error: " + text;
    }
    return SceneError(where, text);
}

void runSceneFile(lua_State* L, const std::string& path, LoaderContext& ctx) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw SceneError(SourceLocation{path, 0}, std::filesystem::exists(path, ec)
                                                      ? "cannot read scene file (not a file)"
                                                      : "cannot open scene file: no such file");
    }
    const int loaded = luaL_loadfilex(L, path.c_str(), "t");
    if (loaded != LUA_OK) {
        const char* raw = lua_tostring(L, -1);
        const std::string message = raw ? raw : "unknown error";
        lua_pop(L, 1);
        if (loaded == LUA_ERRFILE) throw SceneError(SourceLocation{path, 0}, message);
        throw translateLuaError(message, path, loaded == LUA_ERRSYNTAX);
    }
    ctx.pending.reset();
    const int status = lua_pcall(L, 0, 0, 0);
    if (status == LUA_OK) {
        ctx.pending.reset();
        return;
    }
    const char* raw = lua_tostring(L, -1);
    const std::string message = raw ? raw : "error object is not a string";
    lua_pop(L, 1);
    // Our own C functions left a structured error; a script may have caught an earlier
    // one with pcall, so use it only if it is the error that ended the chunk.
    if (ctx.pending && message == ctx.pending->what()) {
        SceneError error = *ctx.pending;
        ctx.pending.reset();
        throw error;
    }
    ctx.pending.reset();
    throw translateLuaError(message, path, false);
}

}  // namespace rt
