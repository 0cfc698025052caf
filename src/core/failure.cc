#include "core/failure.h"

#include <algorithm>
#include <utility>

namespace tilmash::core {
namespace {

std::string format_failure(const std::string& location, std::size_t line, std::size_t column,
                           const std::string& message, const std::string& unit) {
  std::string out = location;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": error: " + message;
  if (!unit.empty()) out += " (" + unit + ")";
  return out;
}

// Drops "password=…" parameters from a URI's query ("?a=1&password=x&b=2" -> "?a=1&b=2").
std::string drop_password_parameter(std::string uri) {
  const std::size_t query = uri.find('?');
  if (query == std::string::npos) return uri;
  std::string out = uri.substr(0, query);
  char sep = '?';
  std::string_view rest = std::string_view(uri).substr(query + 1);
  while (!rest.empty()) {
    const std::size_t amp = std::min(rest.find('&'), rest.size());
    const std::string_view param = rest.substr(0, amp);
    if (!param.starts_with("password=") && !param.empty()) {
      out += sep;
      out.append(param);
      sep = '&';
    }
    rest.remove_prefix(std::min(amp + 1, rest.size()));
  }
  return out;
}

}  // namespace

std::string redact_location(std::string_view location) {
  const std::size_t scheme_end = location.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return std::string(location);
  for (char c : location.substr(0, scheme_end)) {  // RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / + - . )
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '-' || c == '.';
    if (!ok) return std::string(location);
  }
  const std::size_t authority = scheme_end + 3;
  const std::size_t authority_end = std::min(location.find_first_of("/?#", authority), location.size());
  const std::string_view auth = location.substr(authority, authority_end - authority);
  std::string out(location.substr(0, authority));
  // userinfo ends at the last '@' of the authority; its password after the first ':'.
  if (const std::size_t at = auth.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = auth.substr(0, at);
    out.append(userinfo.substr(0, std::min(userinfo.find(':'), userinfo.size())));
    out.append(auth.substr(at));
  } else {
    out.append(auth);
  }
  out.append(location.substr(authority_end));
  return drop_password_parameter(std::move(out));
}

Failure::Failure(FailureKind kind, std::string location, std::string message, std::size_t line,
                 std::size_t column, std::string unit)
    : std::runtime_error(format_failure(redact_location(location), line, column, message, unit)),
      kind_(kind),
      location_(redact_location(location)),
      line_(line),
      column_(column),
      unit_(std::move(unit)),
      message_(std::move(message)) {}

}  // namespace tilmash::core
