#pragma once

// EventSpec <-> JSON, the form stored with each event and accepted by usherd. The venue snapshot
// is embedded in the venue file format. The ticket key is base64; it is secret.

#include "event/EventSpec.h"

#include <QByteArray>

#include <string>

namespace usher {

QByteArray eventSpecToJson(const EventSpec& spec);
// Parses, then finalize()s. False with *error on any problem; *out is untouched then.
bool eventSpecFromJson(const QByteArray& json, EventSpec* out, std::string* error);

// A demo event on `venue`, starting in 30 days: prices for every category (adult, concession,
// child), online and one box-office channel ("Box office 1", id 2) on sale from `now` until the
// event starts.
EventSpec makeDemoEvent(EventId id, const std::string& name, VenuePtr venue, Timestamp now);

} // namespace usher
