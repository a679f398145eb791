// PersonGenerator: a person with the next person id, a name from a few first and last names, a
// random e-mail address and credit card, one of a few US cities and states (few, so that small
// runs still find matches), and padding to the average person size.
#include <algorithm>
#include <string_view>

#include "connectors/nexmark/model_generators.h"
#include "connectors/nexmark/strings_generator.h"

namespace sluice::connectors::nexmark {

namespace {

// Persons referred to may be up to this many ids beyond the last generated one.
constexpr int kPersonIdLead = 10;

constexpr std::string_view kStates[] = {"AZ", "CA", "ID", "OR", "WA", "WY"};
constexpr std::string_view kCities[] = {"Phoenix",  "Los Angeles", "San Francisco", "Boise",
                                        "Portland", "Bend",        "Redmond",       "Seattle",
                                        "Kent",     "Cheyenne"};
constexpr std::string_view kFirstNames[] = {"Peter", "Paul",  "Luke",  "John",   "Saul",  "Vicky",
                                            "Kate",  "Julie", "Sarah", "Deiter", "Walter"};
constexpr std::string_view kLastNames[] = {"Shultz", "Abrams", "Spencer", "White", "Bartels",
                                           "Walton", "Smith",  "Jones",   "Noris"};

template <size_t N>
std::string_view pick(JavaRandom& random, const std::string_view (&choices)[N]) {
  return choices[random.nextInt(static_cast<int32_t>(N))];
}

char* append(char* out, std::string_view text) {
  std::copy(text.begin(), text.end(), out);
  return out + text.size();
}

// Four groups of four digits (String.format("%04d")) separated by spaces.
int writeCreditCard(JavaRandom& random, char* out) {
  char* at = out;
  for (int group = 0; group < 4; ++group) {
    if (group > 0) *at++ = ' ';
    int value = random.nextIntBelow<10000>();
    for (int digit = 3; digit >= 0; --digit, value /= 10)
      at[digit] = static_cast<char>('0' + value % 10);
    at += 4;
  }
  return static_cast<int>(at - out);
}

}  // namespace

int64_t nextBase0PersonId(const GeneratorConfig& config, const EventPlace& place,
                          JavaRandom& random, DrawBounds& bounds) {
  // Only the 'active' people (the most recent ones) take part, so the density of bids and
  // auctions per person stays the same over long runs; the lead makes some persons appear to be
  // referred to before they are created.
  const int64_t people = config.lastBase0PersonId(place) + 1;
  const int64_t active = std::min<int64_t>(people, config.settings().numActivePeople);
  return people - active + nextLongBelow(random, active + kPersonIdLead, bounds.personIds);
}

void writePerson(const GeneratorConfig& config, const EventPlace& place, int64_t timestampMillis,
                 JavaRandom& random, EventColumns& person, int row, runtime::Arena& arena) {
  using runtime::StringRef;
  person.field<int64_t>(0)[row] = config.lastBase0PersonId(place) + kFirstPersonId;

  char name[32];
  char* end = append(name, pick(random, kFirstNames));
  *end++ = ' ';
  end = append(end, pick(random, kLastNames));
  const int nameLength = static_cast<int>(end - name);
  person.field<StringRef>(1)[row] = storeText(name, nameLength, arena);

  char email[24];
  int emailLength = writeRandomString(random, 7, ' ', email);
  email[emailLength++] = '@';
  emailLength += writeRandomString(random, 5, ' ', email + emailLength);
  end = append(email + emailLength, ".com");
  emailLength = static_cast<int>(end - email);
  person.field<StringRef>(2)[row] = storeText(email, emailLength, arena);

  char card[20];
  const int cardLength = writeCreditCard(random, card);
  person.field<StringRef>(3)[row] = storeText(card, cardLength, arena);

  const std::string_view city = pick(random, kCities);
  person.field<StringRef>(4)[row] = StringRef::of(city);  // static text: outlives any batch
  const std::string_view state = pick(random, kStates);
  person.field<StringRef>(5)[row] = StringRef::of(state);
  person.field<int64_t>(6)[row] = timestampMillis * kMicrosPerMilli;

  const int64_t size =
      8 + nameLength + emailLength + cardLength + static_cast<int64_t>(city.size() + state.size());
  person.field<StringRef>(7)[row] =
      nextExtra(random, size, config.settings().avgPersonBytes, arena);
}

}  // namespace sluice::connectors::nexmark
