#include "EamForceProxy.h"

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "EamForce.h"
#include "openmm/OpenMMException.h"
#include "openmm/serialization/SerializationNode.h"

namespace EamPlugin {
namespace {

constexpr int kVersion = 1;

std::string encode(const std::vector<double>& v) {
  std::string s;
  char buf[32];
  for (double x : v) {
    std::snprintf(buf, sizeof buf, "%.17g ", x);
    s += buf;
  }
  return s;
}

std::vector<double> decode(const std::string& s, int expected, const std::string& what) {
  std::vector<double> v;
  v.reserve(expected);
  const char* p = s.c_str();
  char* end = nullptr;
  for (;;) {
    const double x = std::strtod(p, &end);
    if (end == p) break;
    v.push_back(x);
    p = end;
  }
  if (static_cast<int>(v.size()) != expected)
    throw OpenMM::OpenMMException("EamForce XML: table '" + what + "' has " + std::to_string(v.size()) +
                                  " values, expected " + std::to_string(expected));
  return v;
}

void put_tables(OpenMM::SerializationNode& node, const std::string& name, const std::vector<std::vector<double>>& t) {
  OpenMM::SerializationNode& n = node.createChildNode(name);
  for (const auto& table : t) n.createChildNode("Table").setStringProperty("values", encode(table));
}

std::vector<std::vector<double>> get_tables(const OpenMM::SerializationNode& node, const std::string& name,
                                            int count, int length) {
  const OpenMM::SerializationNode& n = node.getChildNode(name);
  if (static_cast<int>(n.getChildren().size()) != count)
    throw OpenMM::OpenMMException("EamForce XML: '" + name + "' needs " + std::to_string(count) + " tables");
  std::vector<std::vector<double>> out;
  for (const auto& c : n.getChildren()) out.push_back(decode(c.getStringProperty("values"), length, name));
  return out;
}

}  // namespace

EamForceProxy::EamForceProxy() : OpenMM::SerializationProxy("EamForce") {}

void EamForceProxy::serialize(const void* object, OpenMM::SerializationNode& node) const {
  node.setIntProperty("version", kVersion);
  const EamForce& f = *reinterpret_cast<const EamForce*>(object);
  const EamTables& t = f.getTables();
  node.setIntProperty("forceGroup", f.getForceGroup());
  node.setStringProperty("name", f.getName());
  node.setBoolProperty("periodic", f.usesPeriodicBoundaryConditions());
  node.setDoubleProperty("skin", f.getNeighborSkin());
  node.setIntProperty("nrho", t.nrho);
  node.setDoubleProperty("drho", t.drho);
  node.setIntProperty("nr", t.nr);
  node.setDoubleProperty("dr", t.dr);
  node.setDoubleProperty("cutoff", t.cutoff);
  node.setDoubleProperty("rhoExtrapolationStart", t.rhoExtrapolationStart);
  OpenMM::SerializationNode& el = node.createChildNode("Elements");
  for (const auto& e : t.elements) el.createChildNode("Element").setStringProperty("name", e);
  put_tables(node, "Embedding", t.embedding);
  put_tables(node, "Density", t.density);
  put_tables(node, "Z2R", t.z2r);
  OpenMM::SerializationNode& particles = node.createChildNode("Particles");
  for (int i = 0; i < f.getNumParticles(); ++i)
    particles.createChildNode("Particle").setIntProperty("e", f.getParticleElement(i));
}

void* EamForceProxy::deserialize(const OpenMM::SerializationNode& node) const {
  if (node.getIntProperty("version") != kVersion) throw OpenMM::OpenMMException("EamForce XML: unsupported version");
  EamTables t;
  t.nrho = node.getIntProperty("nrho");
  t.drho = node.getDoubleProperty("drho");
  t.nr = node.getIntProperty("nr");
  t.dr = node.getDoubleProperty("dr");
  t.cutoff = node.getDoubleProperty("cutoff");
  t.rhoExtrapolationStart = node.getDoubleProperty("rhoExtrapolationStart");
  for (const auto& e : node.getChildNode("Elements").getChildren()) t.elements.push_back(e.getStringProperty("name"));
  const int ne = t.numElements();
  t.embedding = get_tables(node, "Embedding", ne, t.nrho);
  t.density = get_tables(node, "Density", ne * ne, t.nr);
  t.z2r = get_tables(node, "Z2R", ne * ne, t.nr);
  auto* f = new EamForce(t);
  try {
    f->setForceGroup(node.getIntProperty("forceGroup", 0));
    f->setName(node.getStringProperty("name", "EamForce"));
    f->setUsesPeriodicBoundaryConditions(node.getBoolProperty("periodic"));
    f->setNeighborSkin(node.getDoubleProperty("skin"));
    for (const auto& p : node.getChildNode("Particles").getChildren()) f->addParticle(p.getIntProperty("e"));
  } catch (...) {
    delete f;
    throw;
  }
  return f;
}

}  // namespace EamPlugin
