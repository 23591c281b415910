// Light path expressions (lpe/): the parser's errors, and what compiled automata accept,
// checked against paths written out by hand.
#include <gtest/gtest.h>

#include "lpe/LpeAutomaton.h"
#include "lpe/LpeSyntax.h"

namespace rt {
namespace {

// The events of a small scene: materials labelled "" and "floor", lights "" and "key".
LpeAlphabet alphabet() {
    LpeAlphabet a{{'C', 0, ""}};
    for (char type : {'R', 'T'})
        for (char scatter : {'D', 'G', 'S'})
            for (const char* label : {"", "floor"}) a.push_back({type, scatter, label});
    a.push_back({'L', 0, ""});
    a.push_back({'L', 0, "key"});
    return a;
}

int eventIndex(const LpeAlphabet& a, char type, char scatter, const std::string& label) {
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].type == type && a[i].scatter == scatter && a[i].label == label)
            return static_cast<int>(i);
    }
    ADD_FAILURE() << "no event " << type << scatter << label;
    return 0;
}

// A path as text: events separated by spaces, e.g. "C RD RG:floor L:key".
bool accepts(const std::string& expression, const std::string& path) {
    const LpeAlphabet a = alphabet();
    const LpeAutomaton automaton(expression, a);
    int state = automaton.start();
    size_t at = 0;
    while (at < path.size()) {
        size_t end = path.find(' ', at);
        if (end == std::string::npos) end = path.size();
        const std::string token = path.substr(at, end - at);
        at = end + 1;
        const size_t colon = token.find(':');
        const std::string label = colon == std::string::npos ? "" : token.substr(colon + 1);
        const char scatter = token.size() > 1 && token[1] != ':' ? token[1] : 0;
        state = automaton.next(state, eventIndex(a, token[0], scatter, label));
    }
    return automaton.accepts(state);
}

TEST(Lpe, DiffuseDirect) {
    EXPECT_TRUE(accepts("C<RD>L", "C RD L"));
    EXPECT_TRUE(accepts("C<RD>L", "C RD L:key"));
    EXPECT_TRUE(accepts("C<RD>L", "C RD:floor L"));
    EXPECT_FALSE(accepts("C<RD>L", "C RG L"));
    EXPECT_FALSE(accepts("C<RD>L", "C TD L"));
    EXPECT_FALSE(accepts("C<RD>L", "C RD RD L"));
    EXPECT_FALSE(accepts("C<RD>L", "C RD"));  // the path must end at the light
}

TEST(Lpe, LoneLettersMatchTheirOwnPosition) {
    EXPECT_TRUE(accepts("CDL", "C RD L"));
    EXPECT_TRUE(accepts("CDL", "C TD L"));
    EXPECT_TRUE(accepts("CRL", "C RS L"));
    EXPECT_FALSE(accepts("CRL", "C TS L"));
    EXPECT_TRUE(accepts("C.L", "C TG L"));
    EXPECT_TRUE(accepts("CL", "C L"));
    EXPECT_FALSE(accepts("CL", "C RD L"));
}

TEST(Lpe, RepetitionAndAlternatives) {
    EXPECT_TRUE(accepts("C.*L", "C L"));
    EXPECT_TRUE(accepts("C.*L", "C RD TS RG L"));
    EXPECT_FALSE(accepts("C.+L", "C L"));
    EXPECT_TRUE(accepts("CD+L", "C RD TD RD L"));
    EXPECT_FALSE(accepts("CD+L", "C RD RG L"));
    EXPECT_TRUE(accepts("CD?L", "C L"));
    EXPECT_FALSE(accepts("CD?L", "C RD RD L"));
    EXPECT_TRUE(accepts("C(D|S)L", "C RS L"));
    EXPECT_TRUE(accepts("C<RD>L|C<RS>L", "C RS L"));
    EXPECT_FALSE(accepts("C<RD>L|C<RS>L", "C RG L"));
    EXPECT_TRUE(accepts("C.{2}L", "C RD RD L"));
    EXPECT_FALSE(accepts("C.{2}L", "C RD L"));
    EXPECT_TRUE(accepts("C.{1,3}L", "C RD RG RS L"));
    EXPECT_FALSE(accepts("C.{1,3}L", "C RD RG RS RD L"));
    EXPECT_TRUE(accepts("C.{2,}L", "C RD RG RS RD L"));
    EXPECT_FALSE(accepts("C.{2,}L", "C RD L"));
}

TEST(Lpe, SetsAndTheirComplements) {
    EXPECT_TRUE(accepts("C[DG]L", "C RG L"));
    EXPECT_FALSE(accepts("C[DG]L", "C RS L"));
    EXPECT_TRUE(accepts("C[^D]*L", "C RS TG L"));
    EXPECT_FALSE(accepts("C[^D]*L", "C RS TD L"));
    EXPECT_TRUE(accepts("C[<RD><TS>]L", "C TS L"));
    EXPECT_FALSE(accepts("C[<RD><TS>]L", "C RS L"));
    EXPECT_TRUE(accepts("C<[RT][^D]>L", "C TG L"));
    EXPECT_FALSE(accepts("C<[RT][^D]>L", "C RD L"));
}

TEST(Lpe, Labels) {
    EXPECT_TRUE(accepts("C<RD'floor'>L", "C RD:floor L"));
    EXPECT_FALSE(accepts("C<RD'floor'>L", "C RD L"));
    EXPECT_TRUE(accepts("C.*<L.'key'>", "C RD L:key"));
    EXPECT_TRUE(accepts("C.*<L'key'>", "C RD L:key"));  // the label in the second position
    EXPECT_FALSE(accepts("C.*<L.'key'>", "C RD L"));
    EXPECT_TRUE(accepts("C'floor'L", "C RG:floor L"));
    EXPECT_TRUE(accepts("C.*<L[^'key']>", "C RD L"));
    EXPECT_FALSE(accepts("C.*<L[^'key']>", "C RD L:key"));
    EXPECT_TRUE(accepts("C <R D 'floor'> L", "C RD:floor L"));  // spaces are ignored
}

TEST(Lpe, EventsNoPathOfOursHasMatchNothing) {
    EXPECT_FALSE(accepts("CVL", "C RD L"));
    EXPECT_FALSE(accepts("C.*O", "C RD L"));
    EXPECT_FALSE(accepts("CB", "C L"));
}

void expectSyntaxError(const std::string& expression, const std::string& text) {
    try {
        (void)parseLpe(expression);
        ADD_FAILURE() << expression << " parsed";
    } catch (const LpeSyntaxError& e) {
        EXPECT_NE(std::string(e.what()).find(text), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(expression), std::string::npos) << e.what();
    }
}

TEST(Lpe, SyntaxErrorsNameTheCharacter) {
    expectSyntaxError("", "empty");
    expectSyntaxError("C<RD", "at character 5: missing '>'");
    expectSyntaxError("C(RD", "expected ')'");
    expectSyntaxError("CXL", "at character 2: 'X' is not an event");
    expectSyntaxError("C<DR>L", "'D' is not an event type");
    expectSyntaxError("C<RR>L", "'R' is not a scattering type");
    expectSyntaxError("C'floor", "missing closing quote");
    expectSyntaxError("C[]L", "an empty set");
    expectSyntaxError("C.{3,1}L", "n <= m");
    expectSyntaxError("C)L", "unexpected ')'");
}

TEST(Lpe, AlternativesOfSingleEventsParse) {
    EXPECT_NO_THROW((void)parseLpe("C|L"));
}

}  // namespace
}  // namespace rt
