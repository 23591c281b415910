// MoonRay's material aov grammar: labels, selectors and properties as its parser reads
// them, its semantic checks, and the expressions we refuse as not computed.
#include <gtest/gtest.h>

#include "scene/MaterialAovExpression.h"

namespace rt {
namespace {

using Property = MaterialAovExpression::Property;
using namespace lobe_bits;

TEST(MaterialAovExpression, APlainPropertySelectsEveryLobeAndTheSubsurface) {
    const MaterialAovExpression e = parseMaterialAov(" albedo ");
    EXPECT_EQ(e.text, "albedo");
    EXPECT_EQ(e.property, Property::Albedo);
    EXPECT_EQ(e.lobes, kAll);
    EXPECT_TRUE(e.subsurface);
    EXPECT_TRUE(e.defaultSelector);
    EXPECT_TRUE(e.lobeLabels.empty() && e.materialLabels.empty() && e.geometryLabels.empty());
    EXPECT_EQ(e.components(), 3);
}

TEST(MaterialAovExpression, SelectorsDefaultTheSideOrTheCategoryThatIsNotWritten) {
    EXPECT_EQ(parseMaterialAov("R.albedo").lobes, kReflection | kCategories);
    EXPECT_EQ(parseMaterialAov("G.albedo").lobes, kSides | kGlossy);
    EXPECT_EQ(parseMaterialAov("TDM.color").lobes, kTransmission | kDiffuse | kMirror);
    const MaterialAovExpression dgm = parseMaterialAov("DGM.roughness");
    EXPECT_EQ(dgm.lobes, kSides | kCategories);
    EXPECT_FALSE(dgm.subsurface);
    EXPECT_FALSE(dgm.defaultSelector);
    EXPECT_EQ(dgm.components(), 2);
    // "SS" alone is the bssrdf and no lobe; with letters, both.
    const MaterialAovExpression ss = parseMaterialAov("SS.color");
    EXPECT_EQ(ss.lobes, 0);
    EXPECT_TRUE(ss.subsurface);
    const MaterialAovExpression dss = parseMaterialAov("DSS.albedo");
    EXPECT_EQ(dss.lobes, kSides | kDiffuse);
    EXPECT_TRUE(dss.subsurface);
}

TEST(MaterialAovExpression, LabelGroupsNameLobesThenMaterialsThenGeometry) {
    const MaterialAovExpression one = parseMaterialAov("'specular'.albedo");
    EXPECT_EQ(one.lobeLabels, (std::vector<std::string>{"specular"}));
    const MaterialAovExpression two = parseMaterialAov("'paint''rust'.'diffuse'.D.color");
    EXPECT_EQ(two.materialLabels, (std::vector<std::string>{"paint", "rust"}));
    EXPECT_EQ(two.lobeLabels, (std::vector<std::string>{"diffuse"}));
    EXPECT_EQ(two.lobes, kSides | kDiffuse);
    const MaterialAovExpression three =
        parseMaterialAov("'hero'.'paint'.' diffuse translucency '.matte");
    EXPECT_EQ(three.geometryLabels, (std::vector<std::string>{"hero"}));
    EXPECT_EQ(three.materialLabels, (std::vector<std::string>{"paint"}));
    EXPECT_EQ(three.lobeLabels, (std::vector<std::string>{"diffuse translucency"}));  // trimmed
    EXPECT_EQ(three.components(), 1);
}

TEST(MaterialAovExpression, StateVariablesAndPrimitiveAttributes) {
    const MaterialAovExpression p = parseMaterialAov("R.P");
    EXPECT_EQ(p.property, Property::StateVariable);
    EXPECT_EQ(p.stateVariable, StateVariable::P);
    EXPECT_EQ(parseMaterialAov("Ng").stateVariable, StateVariable::Ng);
    EXPECT_EQ(parseMaterialAov("N").stateVariable, StateVariable::N);
    EXPECT_EQ(parseMaterialAov("depth").components(), 1);
    EXPECT_EQ(parseMaterialAov("St").components(), 2);
    EXPECT_EQ(parseMaterialAov("motionvec").components(), 2);
    const MaterialAovExpression rgb = parseMaterialAov("'paint'.rgb:Cd");
    EXPECT_EQ(rgb.property, Property::PrimitiveAttribute);
    EXPECT_EQ(rgb.attribute, "Cd");
    EXPECT_EQ(rgb.attributeType, AttributeType::Rgb);
    EXPECT_TRUE(rgb.isColour());
    EXPECT_EQ(parseMaterialAov("float:mask_1").components(), 1);
    EXPECT_EQ(parseMaterialAov("vec2:uv").components(), 2);
    const MaterialAovExpression v3 = parseMaterialAov("vec3:rest");
    EXPECT_EQ(v3.components(), 3);
    EXPECT_FALSE(v3.isColour());
    EXPECT_FALSE(parseMaterialAov("normal").isColour());
}

std::string errorOf(const std::string& text, bool* unsupported = nullptr) {
    try {
        (void)parseMaterialAov(text);
    } catch (const MaterialAovSyntaxError& e) {
        if (unsupported) *unsupported = e.unsupported();
        return e.what();
    }
    return "";
}

TEST(MaterialAovExpression, MalformedExpressionsSayWhatIsWrong) {
    const struct {
        const char* text;
        const char* says;
    } cases[] = {
        {"", "empty expression"},
        {"R..albedo", "empty part between dots"},
        {"albedo.", "empty part between dots"},
        {"X.albedo", "'X' is not a selector"},
        {"RS.albedo", "'RS' is not a selector"},
        {"albedo.R", "'R' is not a property"},
        {"shininess", "'shininess' is not a property"},
        {"float:", "'float:' is not float:, vec2:, vec3: or rgb: and a name"},
        {"mat4:m", "'mat4:m' is not float:, vec2:, vec3: or rgb: and a name"},
        {"'open.albedo", "is not a list of quoted labels"},
        {"'a'R.albedo", "is not a list of quoted labels"},
        {"'a'.'b'.'c'.'d'.albedo", "more than three label groups"},
        {"R.emission", "emission takes no lobe selector or lobe labels"},
        {"'diffuse'.emission", "emission takes no lobe selector or lobe labels"},
        {"D.radius", "radius is a subsurface property"},
        {"SS.roughness", "roughness comes from bsdf lobes"},
    };
    for (const auto& c : cases) {
        bool unsupported = true;
        const std::string error = errorOf(c.text, &unsupported);
        EXPECT_NE(error.find(c.says), std::string::npos) << c.text << ": " << error;
        EXPECT_NE(error.find("material_aov '"), std::string::npos) << error;
        EXPECT_FALSE(unsupported) << c.text;
    }
    // Valid MoonRay, not computed here: refusable with -ignore_unsupported_outputs.
    for (const char* text : {"G.fresnel.factor", "fresnel.color", "pbr_validity", "dSdx", "dTdy"}) {
        bool unsupported = false;
        EXPECT_FALSE(errorOf(text, &unsupported).empty()) << text;
        EXPECT_TRUE(unsupported) << text;
    }
    EXPECT_EQ(errorOf("SS.radius"), "");
    EXPECT_EQ(errorOf("radius"), "");
}

}  // namespace
}  // namespace rt
