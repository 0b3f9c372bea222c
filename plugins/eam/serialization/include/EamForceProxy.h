#ifndef GLASSBENCH_EAMFORCEPROXY_H_
#define GLASSBENCH_EAMFORCEPROXY_H_
// XML serialization of EamForce (System XML, checkpoints' systems): tables
// as %.17g text (exact round trip), one child per particle element list.
#include "openmm/serialization/SerializationProxy.h"

namespace EamPlugin {

class EamForceProxy : public OpenMM::SerializationProxy {
 public:
  EamForceProxy();
  void serialize(const void* object, OpenMM::SerializationNode& node) const override;
  void* deserialize(const OpenMM::SerializationNode& node) const override;
};

}  // namespace EamPlugin

#endif
