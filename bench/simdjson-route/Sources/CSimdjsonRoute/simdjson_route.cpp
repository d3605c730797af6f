#include "simdjson_route.h"
#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

using namespace simdjson;

namespace {
struct Output {
    std::string arena;
    std::vector<uint32_t> entries;
    size_t quotes = 0, sources = 0;

    void add(uint32_t tag, std::string_view s) {
        entries.push_back(tag);
        entries.push_back(uint32_t(arena.size()));
        entries.push_back(uint32_t(s.size()));
        arena.append(s);
    }
    void mark(uint32_t tag) { entries.push_back(tag); entries.push_back(0); entries.push_back(0); }
};

error_code text(ondemand::value v, Output &out, uint32_t zh, uint32_t en) {
    ondemand::object o;
    if (auto e = v.get_object().get(o)) return e;
    for (auto field : o) {
        std::string_view key, s;
        if (auto e = field.unescaped_key().get(key)) return e;
        if (auto e = field.value().get_string().get(s)) return e;
        out.add(key == "en" ? en : zh, s);
    }
    return SUCCESS;
}

error_code nullableString(ondemand::value v, Output &out, uint32_t tag) {
    if (v.is_null()) return SUCCESS;
    std::string_view s;
    if (auto e = v.get_string().get(s)) return e;
    out.add(tag, s);
    return SUCCESS;
}

error_code strings(ondemand::value v, Output &out, uint32_t tag) {
    ondemand::array a;
    if (auto e = v.get_array().get(a)) return e;
    for (auto item : a) {
        std::string_view s;
        if (auto e = item.get_string().get(s)) return e;
        out.add(tag, s);
    }
    return SUCCESS;
}

error_code quote(ondemand::object q, Output &out) {
    out.mark(SR_QUOTE);
    out.quotes++;
    for (auto field : q) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        ondemand::value v = field.value();
        error_code e = SUCCESS;
        if (key == "id") e = nullableString(v, out, SR_Q_ID);
        else if (key == "speaker") e = nullableString(v, out, SR_Q_SPEAKER);
        else if (key == "text") e = text(v, out, SR_Q_TEXT_ZH, SR_Q_TEXT_EN);
        else if (key == "textNote") e = v.is_null() ? SUCCESS : text(v, out, SR_Q_NOTE_ZH, SR_Q_NOTE_EN);
        else if (key == "topics") e = strings(v, out, SR_Q_TOPIC);
        else if (key == "film") e = nullableString(v, out, SR_Q_FILM);
        else if (key == "sources") e = strings(v, out, SR_Q_SOURCE);
        else if (key == "context") {
            ondemand::object c;
            if ((e = v.get_object().get(c))) return e;
            for (auto cf : c) {
                std::string_view ck;
                if ((e = cf.unescaped_key().get(ck))) return e;
                if (ck == "kind") e = nullableString(cf.value(), out, SR_Q_KIND);
                else if (ck == "where") e = text(cf.value(), out, SR_Q_WHERE_ZH, SR_Q_WHERE_EN);
                else if (ck == "date") e = nullableString(cf.value(), out, SR_Q_DATE);
                else e = INCORRECT_TYPE;
                if (e) return e;
            }
        } else e = INCORRECT_TYPE;
        if (e) return e;
    }
    return SUCCESS;
}

error_code source(ondemand::object s, Output &out) {
    out.mark(SR_SOURCE);
    out.sources++;
    for (auto field : s) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        ondemand::value v = field.value();
        error_code e = SUCCESS;
        if (key == "id") e = nullableString(v, out, SR_S_ID);
        else if (key == "title") e = nullableString(v, out, SR_S_TITLE);
        else if (key == "author") e = nullableString(v, out, SR_S_AUTHOR);
        else if (key == "person") e = nullableString(v, out, SR_S_PERSON);
        else if (key == "publisher") e = nullableString(v, out, SR_S_PUBLISHER);
        else if (key == "url") e = nullableString(v, out, SR_S_URL);
        else if (key == "date") e = nullableString(v, out, SR_S_DATE);
        else if (key == "language") e = nullableString(v, out, SR_S_LANGUAGE);
        else if (key == "note") e = v.is_null() ? SUCCESS : text(v, out, SR_S_NOTE_ZH, SR_S_NOTE_EN);
        else e = INCORRECT_TYPE;
        if (e) return e;
    }
    return SUCCESS;
}

error_code decode(const uint8_t *bytes, size_t length, Output &out) {
    padded_string json(reinterpret_cast<const char *>(bytes), length);
    ondemand::parser parser;
    ondemand::document doc;
    if (auto e = parser.iterate(json).get(doc)) return e;
    ondemand::object root;
    if (auto e = doc.get_object().get(root)) return e;
    out.arena.reserve(length / 2);
    for (auto field : root) {
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        if (key != "quotes" && key != "sources") continue;   // the start: decoded by festival
        ondemand::array a;
        if (auto e = field.value().get_array().get(a)) return e;
        for (auto item : a) {
            ondemand::object o;
            if (auto e = item.get_object().get(o)) return e;
            if (auto e = key == "quotes" ? quote(o, out) : source(o, out)) return e;
        }
    }
    return SUCCESS;
}
} // namespace

extern "C" int sr_decode(const uint8_t *bytes, size_t length, sr_result *out) {
    auto *o = new Output();
    if (auto e = decode(bytes, length, *o)) { delete o; return int(e); }
    out->arena = reinterpret_cast<const uint8_t *>(o->arena.data());
    out->entries = o->entries.data();
    out->entryCount = o->entries.size() / 3;
    out->quotes = o->quotes;
    out->sources = o->sources;
    out->owner = o;
    return 0;
}

extern "C" void sr_free(sr_result *result) { delete static_cast<Output *>(result->owner); }
