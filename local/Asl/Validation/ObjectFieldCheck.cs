using System.Text.Json;

namespace Asl;

/// <summary>Checks the value of one field of a nested configuration object (ItemReader, ItemBatcher, ResultWriter…).</summary>
internal delegate void ObjectFieldCheck(ValidationSession session, JsonElement value, string location, QueryLanguage language);
