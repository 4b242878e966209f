-- Requirements registry: each nation's operational requirements (運用要求) and the acquisition plans (取得計画) that
-- answer them. Every requirement and plan is a marked record (kinds REQUIREMENT and ACQUISITION_PLAN, same id);
-- a plan sits inside its requirement (record.container_id), so a reader needs both.

-- The two-level capability-area taxonomy. The one source of the codes is src/main/resources/glossary/
-- capability-areas.tsv (shared with the glossary); the rows below are generated from it, and
-- RequirementCapabilityAreasTest fails when the two differ. Codes of sub-areas are PARENT.CHILD.
create table capability_area (
    code        text primary key check (code ~ '^[A-Z0-9_]+(\.[A-Z0-9_]+)?$'),
    parent_code text references capability_area,
    name_en     text not null,
    name_ja     text not null,
    position    int not null,
    check ((parent_code is null) = (position('.' in code) = 0)),
    check (parent_code is null or code like parent_code || '.%')
);

insert into capability_area (code, parent_code, name_en, name_ja, position) values
  ('AIR', null, 'Air', '航空', 1),
  ('AIR.FIGHTER', 'AIR', 'Fighter and combat aircraft', '戦闘機', 2),
  ('AIR.TRAINER', 'AIR', 'Trainer aircraft', '練習機', 3),
  ('AIR.UNMANNED', 'AIR', 'Unmanned and collaborative combat aircraft', '無人機・協調戦闘機', 4),
  ('AIR.MOBILITY', 'AIR', 'Transport and tanker aircraft', '輸送機・空中給油機', 5),
  ('AIR.ROTARY', 'AIR', 'Helicopters and rotary wing', '回転翼機（ヘリコプター）', 6),
  ('AIR.SURVEILLANCE', 'AIR', 'Airborne early warning and patrol aircraft', '早期警戒機・哨戒機', 7),
  ('MARITIME', null, 'Maritime', '海上', 8),
  ('MARITIME.SURFACE', 'MARITIME', 'Surface combatants', '水上戦闘艦艇', 9),
  ('MARITIME.SUBSURFACE', 'MARITIME', 'Submarines and undersea warfare', '潜水艦・水中戦', 10),
  ('MARITIME.AMPHIBIOUS', 'MARITIME', 'Amphibious and support ships', '輸送艦・補助艦艇', 11),
  ('MARITIME.MINE', 'MARITIME', 'Mine warfare', '機雷戦', 12),
  ('MARITIME.PATROL', 'MARITIME', 'Patrol vessels and unmanned surface/undersea vehicles', '哨戒艦艇・無人艦艇', 13),
  ('LAND', null, 'Land', '陸上', 14),
  ('LAND.VEHICLE', 'LAND', 'Combat and tactical vehicles', '戦闘車両・戦術車両', 15),
  ('LAND.FIRES', 'LAND', 'Artillery and long-range fires', '火砲・長距離火力', 16),
  ('LAND.SOLDIER', 'LAND', 'Soldier systems and small arms', '隊員装備・小火器', 17),
  ('MISSILE_DEFENSE', null, 'Air and missile defense', 'ミサイル防衛', 18),
  ('MISSILE_DEFENSE.INTERCEPTOR', 'MISSILE_DEFENSE', 'Interceptors', '迎撃ミサイル', 19),
  ('MISSILE_DEFENSE.SENSOR', 'MISSILE_DEFENSE', 'Missile-defense sensors and early warning', 'ミサイル防衛用センサー・早期警戒', 20),
  ('MISSILE_DEFENSE.AIR_DEFENSE', 'MISSILE_DEFENSE', 'Air defense systems', '防空システム', 21),
  ('MUNITIONS', null, 'Munitions and missiles', '弾薬・ミサイル', 22),
  ('MUNITIONS.STRIKE', 'MUNITIONS', 'Cruise and strike missiles', '巡航・打撃ミサイル', 23),
  ('MUNITIONS.AIR_TO_AIR', 'MUNITIONS', 'Air-to-air missiles', '空対空ミサイル', 24),
  ('MUNITIONS.ANTI_SHIP', 'MUNITIONS', 'Anti-ship missiles and torpedoes', '対艦ミサイル・魚雷', 25),
  ('MUNITIONS.CONVENTIONAL', 'MUNITIONS', 'Artillery shells and conventional ammunition', '砲弾・通常弾薬', 26),
  ('MUNITIONS.ENERGETICS', 'MUNITIONS', 'Rocket motors, propellants and energetics', 'ロケットモーター・推進薬・火薬類', 27),
  ('SPACE', null, 'Space', '宇宙', 28),
  ('SPACE.SATELLITE', 'SPACE', 'Satellites and constellations', '人工衛星・衛星コンステレーション', 29),
  ('SPACE.AWARENESS', 'SPACE', 'Space domain awareness', '宇宙領域把握', 30),
  ('SPACE.LAUNCH', 'SPACE', 'Launch', '打ち上げ', 31),
  ('CYBER_EW', null, 'Cyber and electronic warfare', 'サイバー・電子戦', 32),
  ('CYBER_EW.CYBER', 'CYBER_EW', 'Cyber defense', 'サイバー防衛', 33),
  ('CYBER_EW.EW', 'CYBER_EW', 'Electronic warfare', '電子戦', 34),
  ('C4ISR', null, 'Command, control, communications, computers, intelligence, surveillance and reconnaissance', '指揮統制・通信・情報・監視・偵察', 35),
  ('C4ISR.C2', 'C4ISR', 'Command and control', '指揮統制', 36),
  ('C4ISR.COMMS', 'C4ISR', 'Communications and data links', '通信・データリンク', 37),
  ('C4ISR.ISR', 'C4ISR', 'Intelligence, surveillance and reconnaissance sensors', '情報収集・警戒監視・偵察センサー', 38),
  ('C4ISR.AI', 'C4ISR', 'AI and autonomy', '人工知能・自律化', 39),
  ('SUSTAINMENT', null, 'Sustainment', '維持整備', 40),
  ('SUSTAINMENT.SHIP_REPAIR', 'SUSTAINMENT', 'Ship repair and overhaul', '艦船修理・オーバーホール', 41),
  ('SUSTAINMENT.AIRCRAFT_MRO', 'SUSTAINMENT', 'Aircraft and engine maintenance, repair and overhaul', '航空機・エンジン整備修理', 42),
  ('SUSTAINMENT.PARTS', 'SUSTAINMENT', 'Spare parts and obsolescence', '補用品・部品枯渇対策', 43),
  ('SUSTAINMENT.LOGISTICS', 'SUSTAINMENT', 'Logistics and depot support', '補給・デポ支援', 44),
  ('INDUSTRIAL_BASE', null, 'Industrial base and supply chain', '産業基盤・サプライチェーン', 45),
  ('INDUSTRIAL_BASE.MATERIALS', 'INDUSTRIAL_BASE', 'Critical minerals and materials', '重要鉱物・素材', 46),
  ('INDUSTRIAL_BASE.ELECTRONICS', 'INDUSTRIAL_BASE', 'Semiconductors and electronics', '半導体・電子部品', 47),
  ('INDUSTRIAL_BASE.MANUFACTURING', 'INDUSTRIAL_BASE', 'Production capacity, castings and forgings', '生産能力・鋳造・鍛造', 48),
  ('INDUSTRIAL_BASE.SUPPLY', 'INDUSTRIAL_BASE', 'Supply-chain resilience and second sources', 'サプライチェーン強靭化・代替供給源', 49),
  ('TRAINING', null, 'Training', '教育訓練', 50),
  ('TRAINING.PILOT', 'TRAINING', 'Pilot training', '操縦者教育', 51),
  ('TRAINING.SIMULATION', 'TRAINING', 'Simulators and synthetic training', 'シミュレーター・模擬訓練', 52),
  ('TRAINING.EXERCISE', 'TRAINING', 'Exercises and ranges', '演習・射場', 53);

create table requirement (
    id             bigint primary key references record on delete cascade,
    nation         char(3) not null references nation,
    service        text not null check (service <> ''),
    capability_area text not null references capability_area,
    title_en       text not null default '',
    title_ja       text not null default '',
    description_en text not null default '',
    description_ja text not null default '',
    quantity       int check (quantity > 0),
    need_by        date not null,
    status         text not null check (status in ('DRAFT', 'VALIDATED', 'FUNDED', 'FULFILLED', 'WITHDRAWN')),
    author_id      bigint not null references app_user,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    check (title_en <> '' or title_ja <> '')
);
create index requirement_nation_idx on requirement (nation, status);
create index requirement_area_idx on requirement (capability_area);
create index requirement_need_by_idx on requirement (need_by);

-- An acquisition plan answers one requirement; its nation (for fiscal years) is the requirement's.
create table acquisition_plan (
    id             bigint primary key references record on delete cascade,
    requirement_id bigint not null references requirement on delete cascade,
    title          text not null check (title <> ''),
    notes          text not null default '',
    author_id      bigint not null references app_user,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index acquisition_plan_requirement_idx on acquisition_plan (requirement_id);

create table acquisition_plan_milestone (
    plan_id  bigint not null references acquisition_plan on delete cascade,
    position int not null,
    name     text not null check (name <> ''),
    due      date not null,
    primary key (plan_id, position)
);

-- A budget line holds the real dates of the fiscal year it funds (first and last day, in the plan nation's
-- convention); labels such as FY2026 or 令和8年度 are computed from them for display.
create table acquisition_plan_budget_line (
    plan_id   bigint not null references acquisition_plan on delete cascade,
    position  int not null,
    fy_start  date not null,
    fy_end    date not null,
    amount    numeric(20, 2) not null check (amount >= 0),
    currency  char(3) not null check (currency ~ '^[A-Z]{3}$'),
    primary key (plan_id, position),
    check (fy_end > fy_start)
);
