// The simdjson route for festival's catalog decoding, measured against the Swift decoder.
// Parses a catalog with simdjson's On-Demand API and returns every string of its quotes
// and sources, unescaped, in one arena, as (tag, offset, length) entries.
#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    SR_QUOTE = 1,          // starts a quote (no text)
    SR_Q_ID, SR_Q_SPEAKER, SR_Q_TEXT_ZH, SR_Q_TEXT_EN, SR_Q_NOTE_ZH, SR_Q_NOTE_EN,
    SR_Q_KIND, SR_Q_WHERE_ZH, SR_Q_WHERE_EN, SR_Q_DATE, SR_Q_TOPIC, SR_Q_FILM, SR_Q_SOURCE,
    SR_SOURCE,             // starts a source (no text)
    SR_S_ID, SR_S_TITLE, SR_S_AUTHOR, SR_S_PERSON, SR_S_PUBLISHER, SR_S_URL, SR_S_DATE,
    SR_S_LANGUAGE, SR_S_NOTE_ZH, SR_S_NOTE_EN,
};

typedef struct {
    const uint8_t *arena;
    const uint32_t *entries;   // tag, offset, length; repeated
    size_t entryCount;         // number of entries (each three uint32)
    size_t quotes, sources;
    void *owner;
} sr_result;

/// 0 on success; otherwise a simdjson error code and nothing to free.
int sr_decode(const uint8_t *bytes, size_t length, sr_result *out);
void sr_free(sr_result *result);

#ifdef __cplusplus
}
#endif
